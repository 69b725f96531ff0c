namespace TuiProf.Core.Heap;

/// <summary>A type that grew in every interval of a series of snapshots, with what holds it.</summary>
public sealed record LeakSuspect(string Type, double BytesPerMinute, int CountGrowth, long BytesGrowth, int Intervals,
    RetentionPath? Path)
{
    /// <summary>How it grew: <c>grew in all 2 intervals: +20 objects, +120.0 MB/min</c>.</summary>
    public string Growth => $"grew in all {Intervals} intervals: {CountGrowth:+#,0;-#,0;0} objects, {Megabytes(BytesPerMinute)}/min";

    /// <summary>One line: how it grew and, where the last snapshot tells, what holds it.</summary>
    public string Verdict => Growth + (PathText is { } path ? $"; held by {path}" : "");

    /// <summary>The path from its root, <c>static field A.f (T) -> T -> U x3 -> Type</c>, or null.</summary>
    public string? PathText => Path is { } path
        ? string.Join(" -> ", [path.Root.ToString(), .. path.Hops.Select(h => h.Repeat == 1 ? h.TypeName : $"{h.TypeName} x{h.Repeat}")])
        : null;

    private static string Megabytes(double bytes) => bytes >= 1e6 ? $"+{bytes / 1e6:0.0} MB" : $"+{bytes / 1e3:0.0} KB";
}

/// <summary>
/// Ranks what leaks from a series of snapshots: a type is a suspect when its total size and its retained size both grew
/// in every interval, by <see cref="MinGrowth"/> or more over the series. A type that grew and fell back (a cache
/// warming up, a pool, the work of a call in flight) is not one, however much it grew. The instance count is not asked
/// to grow: a list's backing array that doubles stays one object, and the small arrays a program frees after its
/// start made <c>System.Byte[]</c> fall from 136 to 42 objects while the leak's buffers took it from 2 MB to 40 MB.
/// </summary>
public static class LeakSuspects
{
    /// <summary>Less than this over the whole series is the noise of a running program (its own small caches, buffers).</summary>
    public const long MinGrowth = 64_000;

    /// <summary>The suspects, the fastest growing first, with the paths from the last snapshot (if it kept its graph).</summary>
    public static IReadOnlyList<LeakSuspect> Rank(IReadOnlyList<HeapSnapshot> series, int count)
    {
        if (series.Count < 2) return [];
        var minutes = (series[^1].TakenAtUtc - series[0].TakenAtUtc).TotalMinutes;
        var byName = series.Select(s => s.Types.ToDictionary(t => t.Name)).ToList();
        return series[^1].Types
            .Where(type => GrewEachTime(byName, type.Name))
            .Select(type => (Last: type, First: byName[0][type.Name]))
            .Where(t => t.Last.Bytes - t.First.Bytes >= MinGrowth)
            .OrderByDescending(t => t.Last.Bytes - t.First.Bytes).ThenBy(t => t.Last.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(t => new LeakSuspect(t.Last.Name, minutes > 0 ? (t.Last.Bytes - t.First.Bytes) / minutes : 0,
                t.Last.Count - t.First.Count, t.Last.Bytes - t.First.Bytes, series.Count - 1,
                series[^1].PathsTo(t.Last.Name)?.Paths.FirstOrDefault()))
            .ToList();
    }

    private static bool GrewEachTime(List<Dictionary<string, HeapTypeStats>> byName, string type)
    {
        for (var i = 1; i < byName.Count; i++)
        {
            if (!byName[i - 1].TryGetValue(type, out var before) || !byName[i].TryGetValue(type, out var after)) return false;
            if (after.Bytes <= before.Bytes || after.Retained <= before.Retained) return false;
        }
        return true;
    }
}
