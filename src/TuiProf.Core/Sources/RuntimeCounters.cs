using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// The runtime's EventCounters (and any other provider's asked for): the GC heap line, allocation rate, CPU. The
/// interval is shared by every session on the process, and dotnet-counters drops readings of another interval:
/// the default, 1 s, is dotnet-counters' own, so both get their data.
/// </summary>
public sealed class RuntimeCounters(TimeSpan interval, IReadOnlyList<string> extraProviders, bool workingSetAsRss) : IRuntimeSource
{
    /// <summary>The GC heap line: <c>GC.GetTotalMemory(false)</c>, dotnet-counters' "GC Heap Size (MB)".</summary>
    public const string HeapCounter = "gc-heap-size";

    private const string WorkingSetCounter = "working-set";

    /// <summary>Runtime counters kept as readings besides the heap line (which becomes a memory sample).</summary>
    private static readonly HashSet<string> Kept = ["alloc-rate", "time-in-gc", "cpu-usage"];

    public IReadOnlyList<EventPipeProvider> Providers { get; } =
        extraProviders.Prepend(CounterId.RuntimeProvider).Distinct().Select(provider => new EventPipeProvider(provider,
            EventLevel.Informational, 0, new Dictionary<string, string>
            {
                ["EventCounterIntervalSec"] = interval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            })).ToList();

    public void Subscribe(TraceEventDispatcher events, SourceClock clock, Action<TimelineEvent> emit) =>
        events.Dynamic.All += e =>
        {
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer ||
                !outer.TryGetValue("Payload", out var inner) || inner is not IDictionary<string, object> payload)
                return;
            var name = payload.TryGetValue("Name", out var n) ? n as string : null;
            var isRate = !payload.TryGetValue("Mean", out var value) && payload.TryGetValue("Increment", out value);
            if (name is null || value is null) return;
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            // Incrementing counters (alloc-rate) report the change over the interval; make them per second.
            if (isRate && payload.TryGetValue("IntervalSec", out var seconds) &&
                Convert.ToDouble(seconds, CultureInfo.InvariantCulture) is > 0 and var period)
                number /= period;
            var t = clock.Seconds(e.TimeStamp);
            var isRuntime = e.ProviderName == CounterId.RuntimeProvider;
            if (isRuntime && name == HeapCounter)
                emit(new MemorySample(t, Heap: (long)(number * 1_000_000))); // reported in MB (10^6 bytes)
            else if (isRuntime && name == WorkingSetCounter && workingSetAsRss)
                emit(new MemorySample(t, Rss: (long)(number * 1_000_000)));
            else if (!isRuntime || Kept.Contains(name))
                emit(new CounterReading(t, Id(e.ProviderName, name, payload, isRate), number));
        };

    private static CounterId Id(string provider, string name, IDictionary<string, object> payload, bool isRate) =>
        new(provider, name, payload.TryGetValue("DisplayName", out var display) ? display as string ?? "" : "",
            payload.TryGetValue("DisplayUnits", out var unit) ? unit as string ?? "" : "", isRate);
}
