using TuiProf.Core.Timeline;

namespace TuiProf.Core.Fleet;

/// <summary>
/// One process's row of a host watch, read from its timeline at one moment: memory now, the heap over the last
/// minutes, GC rates by generation, time in GC, allocation rate, and whether the heap left by gen-2 GCs keeps
/// growing (what a leak looks like from outside).
/// </summary>
/// <param name="HeapHistory">The GC heap over <see cref="HistorySeconds"/>, one value per equal slice, oldest first; null where no reading fell.</param>
/// <param name="GcsPerSecond">Collections per second by generation (0, 1, 2) over <see cref="RateSeconds"/>.</param>
/// <param name="InGcPercent">The share of recent time the process was paused by GCs.</param>
/// <param name="Gen2Growth">What the heap after gen-2 GCs grew across the last ones, when it grew at every one of them.</param>
public sealed record ProcessSummary(
    long? Rss,
    long? Heap,
    IReadOnlyList<long?> HeapHistory,
    IReadOnlyList<double> GcsPerSecond,
    double? InGcPercent,
    double? AllocationRate,
    long? Gen2Growth)
{
    /// <summary>How far back the heap history goes: five minutes, as dotnet-counters' and top's eye would.</summary>
    public const double HistorySeconds = 300;

    /// <summary>The span GC rates and time in GC are averaged over.</summary>
    public const double RateSeconds = 10;

    /// <summary>Gen-2 GCs whose heap after must rise one after another to call it growth (three rises).</summary>
    public const int Gen2Run = 4;

    /// <summary>Below this, a rise of the heap after gen-2 GCs is noise (caches warming, a pool topping up).</summary>
    public const long Gen2GrowthFloor = 1_000_000;

    public static ProcessSummary Of(Timeline.Timeline timeline, double now, int historySlices)
    {
        var stats = timeline.Stats();
        using var recent = timeline.Window(now - RateSeconds, now);
        var rates = new double[3];
        foreach (var gc in recent.Gcs.Where(g => g.T >= now - RateSeconds))
            rates[Math.Clamp(gc.Generation, 0, 2)] += 1 / RateSeconds;
        return new ProcessSummary(stats.Rss, stats.Heap, HistoryOf(timeline, now, historySlices), rates, recent.InGcPercent(),
            stats.Counters.TryGetValue("alloc-rate", out var alloc) ? alloc.Value : null,
            Gen2GrowthOf(timeline.RecentGcs(512).Where(g => g.Generation == 2 && g.HeapAfter is not null).Select(g => g.HeapAfter!.Value).ToList()));
    }

    /// <summary>The last value of the heap in each slice of the history; a slice with none is null.</summary>
    private static long?[] HistoryOf(Timeline.Timeline timeline, double now, int slices)
    {
        var history = new long?[Math.Max(0, slices)];
        if (slices == 0) return history;
        var start = now - HistorySeconds;
        using var window = timeline.Window(start, now);
        foreach (var point in window.Heap)
        {
            var slice = (int)Math.Floor((point.T - start) / HistorySeconds * slices);
            if (slice >= 0 && slice < slices) history[slice] = point.Heap;
        }
        return history;
    }

    /// <summary>The rise across the last <see cref="Gen2Run"/> gen-2 GCs when each left more than the one before.</summary>
    public static long? Gen2GrowthOf(IReadOnlyList<long> heapAfterGen2)
    {
        if (heapAfterGen2.Count < Gen2Run) return null;
        var last = heapAfterGen2.Skip(heapAfterGen2.Count - Gen2Run).ToList();
        for (var i = 1; i < last.Count; i++)
            if (last[i] <= last[i - 1]) return null;
        var growth = last[^1] - last[0];
        return growth >= Gen2GrowthFloor ? growth : null;
    }
}
