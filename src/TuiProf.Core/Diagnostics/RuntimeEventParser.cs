using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Diagnostics;

/// <summary>
/// Subscribes to a TraceEvent source and translates GC events, runtime counters and activities into timeline
/// events on the session's clock (seconds since <c>origin</c>).
/// </summary>
public sealed class RuntimeEventParser
{
    /// <summary>Counters worth keeping besides the heap size (which becomes a memory sample).</summary>
    private static readonly HashSet<string> KeptCounters = ["alloc-rate", "time-in-gc", "cpu-usage"];

    private readonly DateTime _origin;
    private readonly Action<TimelineEvent> _emit;
    private readonly GcAssembler _gcs;
    private readonly BracketAssembler _brackets;

    public RuntimeEventParser(TraceEventDispatcher source, DateTime originUtc, Action<TimelineEvent> emit)
    {
        _origin = originUtc;
        _emit = emit;
        _gcs = new GcAssembler(emit);
        _brackets = new BracketAssembler(emit);

        source.Clr.GCSuspendEEStart += e => _gcs.SuspendBegin(Seconds(e.TimeStamp));
        source.Clr.GCStart += e => _gcs.Start(Seconds(e.TimeStamp), e.Count, e.Depth, e.Reason.ToString(), e.Type.ToString());
        source.Clr.GCPerHeapHistory += e => _gcs.HeapBefore(SizeBefore(e));
        source.Clr.GCStop += e => _gcs.End(Seconds(e.TimeStamp), e.Count);
        source.Clr.GCRestartEEStop += e => _gcs.RestartEnd(Seconds(e.TimeStamp));
        source.Clr.GCHeapStats += e =>
        {
            var sizes = new GenerationSizes(e.GenerationSize0, e.GenerationSize1, e.GenerationSize2,
                e.GenerationSize3, e.GenerationSize4);
            _gcs.HeapStats(sizes);
            _emit(new MemorySample(Seconds(e.TimeStamp), Heap: sizes.Total, Generations: sizes));
        };
        source.Clr.GCAllocationTick += e => _emit(new AllocationSample(Seconds(e.TimeStamp), e.TypeName, e.AllocationAmount64));
        source.Dynamic.All += OnDynamicEvent;
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

    private void OnDynamicEvent(TraceEvent e)
    {
        if (e.ProviderName == RuntimeProviders.DiagnosticSource)
            OnActivity(e);
        else if (e.EventName == "EventCounters")
            OnCounter(e);
    }

    private void OnActivity(TraceEvent e)
    {
        var isStart = e.EventName == "Activity/Start";
        if (!isStart && e.EventName != "Activity/Stop") return;
        var name = e.PayloadByName("ActivityName") as string ?? "?";
        var fields = ActivityPayload.Read(e.PayloadByName("Arguments"));
        if (fields.SpanId is null) return;
        var start = fields.StartTicks is { } ticks ? Seconds(new DateTime(ticks, DateTimeKind.Utc)) : Seconds(e.TimeStamp);
        if (isStart)
            _brackets.Start(start, fields.SpanId, fields.ParentSpanId, name, e.ThreadID);
        else
            _brackets.Stop(start, start + TimeSpan.FromTicks(fields.DurationTicks ?? 0).TotalSeconds, fields.SpanId, name, e.ThreadID);
    }

    private void OnCounter(TraceEvent e)
    {
        if (e.PayloadValue(0) is not IDictionary<string, object> outer ||
            outer.TryGetValue("Payload", out var inner) is false || inner is not IDictionary<string, object> payload)
            return;
        var name = payload.TryGetValue("Name", out var n) ? n as string : null;
        var isIncrement = !payload.TryGetValue("Mean", out var value) && payload.TryGetValue("Increment", out value);
        if (name is null || value is null) return;
        var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        // Incrementing counters (alloc-rate) report the change over the interval; make them per second.
        if (isIncrement && payload.TryGetValue("IntervalSec", out var interval) &&
            Convert.ToDouble(interval, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var seconds)
            number /= seconds;
        var t = Seconds(e.TimeStamp);
        if (name == "gc-heap-size")
        {
            var bytes = (long)(number * 1_000_000); // the counter reports GC.GetTotalMemory in MB (10^6)
            _gcs.LastKnownHeap = bytes;
            _emit(new MemorySample(t, Heap: bytes));
        }
        else if (e.ProviderName != RuntimeProviders.Counters)
        {
            _emit(new CounterReading(t, Id(e.ProviderName, name, payload, isIncrement), number)); // asked for with --counters: all kept
        }
        else if (KeptCounters.Contains(name))
        {
            _emit(new CounterReading(t, Id(e.ProviderName, name, payload, isIncrement), number));
        }
    }

    private static CounterId Id(string provider, string name, IDictionary<string, object> payload, bool isRate) =>
        new(provider, name, payload.TryGetValue("DisplayName", out var display) ? display as string ?? "" : "",
            payload.TryGetValue("DisplayUnits", out var unit) ? unit as string ?? "" : "", isRate);

    private double Seconds(DateTime timestamp) => (timestamp.ToUniversalTime() - _origin).TotalSeconds;
}
