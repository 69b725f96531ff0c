using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// One reading as <c>dotnet-counters collect</c> 10 reports it: provider, the name with its unit as it shows it,
/// the tags that tell series of one instrument apart (<c>gc.heap.generation=gen0</c>), and the counter type:
/// <c>Metric</c> for a level, <c>Rate</c> for an amount per interval.
/// </summary>
public sealed record CounterRow(DateTime TimestampUtc, string Provider, string Name, string Tags, string CounterType, double Value);

/// <summary>
/// A recording as the series dotnet-counters 10 writes, so a script written for its files reads TuiProf's. What
/// TuiProf measures itself takes the names of the Meter-based <c>System.Runtime</c> instruments that dotnet-counters
/// reads by default: RSS is <c>dotnet.process.memory.working_set</c>, the sizes after each GC are
/// <c>dotnet.gc.last_collection.heap.size</c> per generation, and the GC events become what dotnet-counters counts
/// per 1-second interval, <c>dotnet.gc.collections</c> per generation and <c>dotnet.gc.pause.time</c>. The readings
/// TuiProf takes from the EventCounters keep the names dotnet-counters gives them (<c>GC Heap Size (MB)</c>...).
/// </summary>
public static class CounterRows
{
    public const string Runtime = "System.Runtime";
    public const string WorkingSet = "dotnet.process.memory.working_set (By)";
    public const string HeapSize = "dotnet.gc.last_collection.heap.size (By)";
    public const string Collections = "dotnet.gc.collections ({collection} / 1 sec)";
    public const string PauseTime = "dotnet.gc.pause.time (s / 1 sec)";
    public const string GcHeapCounter = "GC Heap Size (MB)";
    private const string Metric = "Metric";
    private const string Rate = "Rate";

    /// <summary>The System.Runtime EventCounters TuiProf records, as dotnet-counters shows them.</summary>
    private static readonly Dictionary<string, (string Name, string Type)> EventCounters = new()
    {
        ["alloc-rate"] = ("Allocation Rate (B / 1 sec)", Rate), // recorded per second, whatever the interval
        ["time-in-gc"] = ("% Time in GC since last GC (%)", Metric),
        ["cpu-usage"] = ("CPU Usage (%)", Metric),
    };

    public static IEnumerable<CounterRow> From(RecordingFile recording)
    {
        var series = RecordingSeries.From(recording);
        DateTime At(double t) => series.OriginUtc.AddSeconds(t);
        return Memory(series, At).Concat(Counters(series, At)).Concat(GcIntervals(series, At))
            .Where(row => double.IsFinite(row.Value)) // JSON has no NaN
            .OrderBy(row => row.TimestampUtc);
    }

    private static IEnumerable<CounterRow> Memory(RecordingSeries series, Func<double, DateTime> at)
    {
        foreach (var sample in series.Rss)
            yield return new(at(sample.T), Runtime, WorkingSet, "", Metric, sample.Rss!.Value);
        foreach (var sample in series.Generations)
        {
            var g = sample.Generations!;
            foreach (var (generation, bytes) in new[] { ("gen0", g.Gen0), ("gen1", g.Gen1), ("gen2", g.Gen2), ("loh", g.Loh), ("poh", g.Poh) })
                yield return new(at(sample.T), Runtime, HeapSize, $"gc.heap.generation={generation}", Metric, bytes);
        }
        // The gc-heap-size EventCounter, in MB (10^6) as the runtime reports it.
        foreach (var sample in series.Heap)
            yield return new(at(sample.T), Runtime, GcHeapCounter, "", Metric, sample.Heap!.Value / 1e6);
    }

    private static IEnumerable<CounterRow> Counters(RecordingSeries series, Func<double, DateTime> at) =>
        series.Counters.Select(reading => reading.Counter switch
        {
            { Provider: Runtime } c when EventCounters.TryGetValue(c.Name, out var shown) =>
                new CounterRow(at(reading.T), Runtime, shown.Name, "", shown.Type, reading.Value),
            var c => new CounterRow(at(reading.T), c.Provider, Shown(c), "", c.IsRate ? Rate : Metric, reading.Value),
        });

    /// <summary>As dotnet-counters names an EventCounter: its display name and unit, or its name when it has none.</summary>
    private static string Shown(CounterId counter) =>
        counter.DisplayName.Length == 0 ? counter.Name
        : counter.Unit.Length == 0 ? counter.DisplayName
        : counter.IsRate ? $"{counter.DisplayName} ({counter.Unit} / 1 sec)" : $"{counter.DisplayName} ({counter.Unit})";

    /// <summary>
    /// Collections per generation and seconds paused, per 1-second interval from t = 0 (dotnet-counters' default
    /// refresh interval), each stamped at its interval's end (the last one at the recording's end).
    /// </summary>
    private static IEnumerable<CounterRow> GcIntervals(RecordingSeries series, Func<double, DateTime> at)
    {
        var gcs = series.Gcs;
        var next = 0;
        for (var start = 0; start < series.End; start++)
        {
            var count = new int[3];
            var paused = 0.0;
            for (; next < gcs.Count && gcs[next].T < start + 1; next++)
            {
                count[Math.Clamp(gcs[next].Generation, 0, 2)]++;
                paused += gcs[next].PauseMs / 1000;
            }
            var stamp = at(Math.Min(start + 1, series.End));
            for (var generation = 0; generation < 3; generation++)
                yield return new(stamp, Runtime, Collections, $"gc.heap.generation=gen{generation}", Rate, count[generation]);
            yield return new(stamp, Runtime, PauseTime, "", Rate, paused);
        }
    }
}
