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

    /// <summary>Runtime counters as recordings made before counters carried their display names hold them.</summary>
    private static readonly Dictionary<string, (string DisplayName, string Unit, bool IsRate)> Unnamed = new()
    {
        ["alloc-rate"] = ("Allocation Rate", "B", true),
        ["time-in-gc"] = ("% Time in GC since last GC", "%", false),
        ["cpu-usage"] = ("CPU Usage", "%", false),
    };

    public static IEnumerable<CounterRow> From(RecordingFile recording)
    {
        // dotnet-counters watches one process: the target's series (the chrome trace has a launched tree's others).
        var series = RecordingSeries.From(recording);
        var target = series.Main;
        DateTime At(double t) => series.OriginUtc.AddSeconds(t);
        return Memory(target, At).Concat(Counters(target, At)).Concat(GcIntervals(target, target.Exit ?? series.End, At))
            .Where(row => double.IsFinite(row.Value)) // JSON has no NaN
            .OrderBy(row => row.TimestampUtc);
    }

    private static IEnumerable<CounterRow> Memory(ProcessSeries series, Func<double, DateTime> at)
    {
        foreach (var sample in series.Rss)
            yield return new(at(sample.T), Runtime, WorkingSet, "", Metric, sample.Rss!.Value);
        foreach (var sample in series.Heap)
        {
            if (sample.Generations is { } g)
            {
                foreach (var (generation, bytes) in
                         new[] { ("gen0", g.Gen0), ("gen1", g.Gen1), ("gen2", g.Gen2), ("loh", g.Loh), ("poh", g.Poh) })
                    yield return new(at(sample.T), Runtime, HeapSize, $"gc.heap.generation={generation}", Metric, bytes);
            }
            else
            {
                // The gc-heap-size EventCounter, in MB (10^6) as the runtime reports it.
                yield return new(at(sample.T), Runtime, GcHeapCounter, "", Metric, sample.Heap!.Value / 1e6);
            }
        }
    }

    private static IEnumerable<CounterRow> Counters(ProcessSeries series, Func<double, DateTime> at) =>
        series.Counters.Select(reading =>
        {
            var (name, isRate) = Shown(reading.Counter);
            return new CounterRow(at(reading.T), reading.Counter.Provider, name, "", isRate ? Rate : Metric, reading.Value);
        });

    /// <summary>
    /// An EventCounter as dotnet-counters names it: its display name, then its unit ("count" as "Count"), "/ 1 sec"
    /// for a rate (TuiProf records rates per second).
    /// </summary>
    private static (string Name, bool IsRate) Shown(CounterId counter)
    {
        var (name, unit, isRate) = counter.DisplayName.Length > 0 ? (counter.DisplayName, counter.Unit, counter.IsRate)
            : counter.Provider == Runtime && Unnamed.TryGetValue(counter.Name, out var known) ? known
            : (counter.Name, counter.Unit, counter.IsRate);
        unit = unit == "count" ? "Count" : unit;
        return (isRate ? $"{name} ({unit} / 1 sec)" : unit.Length > 0 ? $"{name} ({unit})" : name, isRate);
    }

    /// <summary>
    /// Collections per generation and seconds paused, per 1-second interval from t = 0 (dotnet-counters' default
    /// refresh interval), each stamped at its interval's end (the last one at the recording's end).
    /// </summary>
    private static IEnumerable<CounterRow> GcIntervals(ProcessSeries series, double end, Func<double, DateTime> at)
    {
        var gcs = series.Gcs;
        var next = 0;
        for (var start = 0; start < end; start++)
        {
            var count = new int[3];
            var paused = 0.0;
            for (; next < gcs.Count && gcs[next].T < start + 1; next++)
            {
                count[Math.Clamp(gcs[next].Generation, 0, 2)]++;
                paused += gcs[next].PauseMs / 1000;
            }
            var stamp = at(Math.Min(start + 1, end));
            for (var generation = 0; generation < 3; generation++)
                yield return new(stamp, Runtime, Collections, $"gc.heap.generation=gen{generation}", Rate, count[generation]);
            yield return new(stamp, Runtime, PauseTime, "", Rate, paused);
        }
    }
}
