using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// Every GC as one <see cref="GcEvent"/> (generation, reason, pause, heap before and after), and the generation
/// sizes after it. Informational level: one handful of events per GC, whatever the allocation rate.
/// </summary>
public sealed class GcEvents : IRuntimeSource
{
    public const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    public const long GcKeyword = 0x1;

    /// <summary>
    /// The runtime's GC events that <see cref="Subscribe"/> reads (GCStart, GCEnd, GCRestartEEEnd, GCHeapStats,
    /// GCSuspendEEBegin, GCPerHeapHistory), and GCFinalizersEnd/Begin, which nothing reads: the finalizer thread sends
    /// them after a GC, and without them EventPipe held an induced GC's events until the next counter reading (GC to
    /// screen p50 702 ms instead of 134). At Informational the GC keyword also brings segments, triggers, marks,
    /// pins and global history, some dozen events a GC, each written by the target and parsed here for nothing.
    /// </summary>
    private static readonly uint[] EventIds = [1, 2, 3, 4, 9, 13, 14, 204];

    public IReadOnlyList<EventPipeProvider> Providers { get; } =
        [new(RuntimeProvider, EventLevel.Informational, GcKeyword, null, new EventPipeProviderEventFilter(true, EventIds))];

    public void Subscribe(TraceEventDispatcher events, SourceClock clock, Action<TimelineEvent> emit)
    {
        var gcs = new GcAssembler(emit);
        events.Clr.GCSuspendEEStart += e => gcs.SuspendBegin(clock.Seconds(e.TimeStamp));
        events.Clr.GCStart += e => gcs.Start(clock.Seconds(e.TimeStamp), e.Count, e.Depth, e.Reason.ToString(), e.Type.ToString());
        events.Clr.GCPerHeapHistory += e => gcs.HeapBefore(SizeBefore(e));
        events.Clr.GCStop += e => gcs.End(clock.Seconds(e.TimeStamp), e.Count);
        events.Clr.GCRestartEEStop += e => gcs.RestartEnd(clock.Seconds(e.TimeStamp));
        events.Clr.GCHeapStats += e =>
        {
            var sizes = new GenerationSizes(e.GenerationSize0, e.GenerationSize1, e.GenerationSize2,
                e.GenerationSize3, e.GenerationSize4);
            gcs.HeapStats(sizes);
            emit(new MemorySample(clock.Seconds(e.TimeStamp), Generations: sizes));
        };
    }

    private static long SizeBefore(GCPerHeapHistoryTraceData e)
    {
        long total = 0;
        foreach (var gen in (Gens[])[Gens.Gen0, Gens.Gen1, Gens.Gen2, Gens.GenLargeObj, Gens.GenPinObj])
        {
            try { total += e.GenData(gen).SizeBefore; }
            catch (Exception) { /* older runtimes send fewer generations */ }
        }
        return total;
    }
}
