using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TuiProf.Benchmarks;

/// <summary>
/// From a GC's end in the target to its count changing on each tool's screen, both tools on the same target at the
/// same time: the target (bench target <c>gc-marks</c>) prints the monotonic clock after each induced gen-2 GC, and
/// this harness reads each screen's gen-2 count every 50 ms (TuiProf's header, dotnet-counters' dotnet.gc.collections).
/// </summary>
public static partial class GcToScreenComparison
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(45);
    // A GC this close to the watch's end may not be drawn within it (dotnet-counters takes up to two seconds).
    private static readonly TimeSpan Tail = TimeSpan.FromSeconds(3);

    public static async Task<IReadOnlyList<SideBySide>> MeasureAsync(string dotnetCounters, int rounds)
    {
        var p50 = new SideBySide("GC -> on screen, p50 of a round's ~9 induced GCs", "ms", "TuiProf", "dotnet-counters");
        var p95 = new SideBySide("GC -> on screen, p95 of a round's ~9 induced GCs", "ms", "TuiProf", "dotnet-counters", "TuiProf <= 150 ms", MaxSubject: 150);
        for (var round = 0; round < rounds; round++)
        {
            var ends = new ConcurrentQueue<long>();
            await using var target = await WatchedProcess.BenchTargetAsync("gc-marks", line =>
            {
                if (long.TryParse(line, out var timestamp)) ends.Enqueue(timestamp);
            });
            await using var tuiprof = await ToolScreen.StartAsync($"{Tools.TuiProf} attach {target.Pid}");
            await using var counters = await ToolScreen.StartAsync($"{dotnetCounters} monitor --refresh-interval 1 -p {target.Pid}");
            await Task.Delay(WarmUp);

            var start = Stopwatch.GetTimestamp();
            var seen = await Task.WhenAll(IncreasesAsync(tuiprof, TuiProfGen2), IncreasesAsync(counters, CountersGen2));
            var lastMark = start + (long)((Watch - Tail).TotalSeconds * Stopwatch.Frequency);
            var marks = ends.Where(t => t >= start && t <= lastMark).ToList();
            var latencies = seen.Select(increases => Latencies(marks, increases)).ToList();
            // A GC never seen changing a screen would bias the figure without showing in it: say how many were.
            Console.Error.WriteLine($"GC -> on screen, round {round + 1}: {marks.Count} GCs, seen on TuiProf's screen {latencies[0].Count}, on dotnet-counters' {latencies[1].Count}");
            p50.Add(Stats.Median(latencies[0]), Stats.Median(latencies[1]));
            p95.Add(Stats.Percentile(latencies[0], 0.95), Stats.Percentile(latencies[1], 0.95));
        }
        return [p50, p95];
    }

    /// <summary>When (monotonic clock) the screen's count was seen to grow, polled for <see cref="Watch"/>.</summary>
    private static async Task<List<long>> IncreasesAsync(ToolScreen screen, Func<string, long?> count)
    {
        var increases = new List<long>();
        long? last = null;
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < Watch; await Task.Delay(50))
        {
            var now = count(await screen.Tmux.ScreenAsync());
            if (now > last) increases.Add(Stopwatch.GetTimestamp());
            last = now ?? last;
        }
        return increases;
    }

    /// <summary>Each GC's delay to the first growth of the count after it and before the next GC (a GC never drawn is left out).</summary>
    private static List<double> Latencies(List<long> marks, List<long> increases) =>
        marks.Select((mark, i) =>
        {
            var next = i + 1 < marks.Count ? marks[i + 1] : long.MaxValue;
            var shown = increases.FirstOrDefault(t => t >= mark && t < next);
            return shown == 0 ? double.NaN : Stopwatch.GetElapsedTime(mark, shown).TotalMilliseconds;
        }).Where(ms => !double.IsNaN(ms)).ToList();

    private static long? TuiProfGen2(string screen) =>
        TuiProfGcs().Match(screen) is { Success: true } m ? long.Parse(m.Groups[1].Value) : null;

    private static long? CountersGen2(string screen) =>
        CountersGcs().Match(screen) is { Success: true } m ? long.Parse(m.Groups[1].Value.Replace(",", "")) : null;

    /// <summary>The header's "GCs 0/0/12": gen 0, 1, 2.</summary>
    [GeneratedRegex(@"GCs \d+/\d+/(\d+)")]
    private static partial Regex TuiProfGcs();

    /// <summary>dotnet.gc.collections, then its table of generations: the gen2 row.</summary>
    [GeneratedRegex(@"dotnet\.gc\.collections.*\n(?:.*\n){0,4}?\s*gen2\s+([\d,]+)")]
    private static partial Regex CountersGcs();
}
