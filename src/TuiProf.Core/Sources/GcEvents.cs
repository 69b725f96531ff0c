using System.Diagnostics.Tracing;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// This heap's generations' sizes before the GC, read in place: TraceEvent's <c>GenData</c> copies each
    /// generation's ten numbers into new objects, five times a GC (at hundreds of GCs a second, a third of TuiProf's
    /// own allocation). Version 3 (.NET Core 3 on) lays the generations out after 7 pointers, 54 bytes of other
    /// fields (as on 32 bits) and the generation count, ten pointers each, the size before first.
    /// </summary>
    internal static long SizeBefore(GCPerHeapHistoryTraceData e)
    {
        if (e.Version < 3) return SizeBeforeCopied(e);
        var pointer = e.PointerSize;
        var first = 54 + 7 * (pointer - 4) + 4;
        var generations = Math.Min(e.NumGenerations, Generations.Length);
        if (first + generations * 10 * pointer > e.EventDataLength) return SizeBeforeCopied(e);
        long total = 0;
        for (var gen = 0; gen < generations; gen++)
        {
            var offset = first + gen * 10 * pointer;
            total += pointer == 8 ? Marshal.ReadInt64(e.DataStart, offset) : (uint)Marshal.ReadInt32(e.DataStart, offset);
        }
        return total;
    }

    private static readonly Gens[] Generations = [Gens.Gen0, Gens.Gen1, Gens.Gen2, Gens.GenLargeObj, Gens.GenPinObj];

    internal static long SizeBeforeCopied(GCPerHeapHistoryTraceData e) =>
        Generations.Take(Math.Min(e.NumGenerations, Generations.Length)).Sum(gen => e.GenData(gen).SizeBefore);
}
