namespace TuiProf.Core.Heap;

/// <summary>
/// What the last heap snapshot of a process found: the snapshot (taken at <c>T</c> on the target's clock), its
/// growth since the one before, the paths that keep the top grower (or, with no diff, the largest type) alive, and,
/// from <see cref="SuspectsFrom"/> snapshots on, the leak suspects of the series so far.
/// </summary>
public sealed record HeapFindings(HeapSnapshot Snapshot, double T, HeapDiff? Diff, RetentionReport? Paths,
    IReadOnlyList<HeapSnapshot> Series, IReadOnlyList<LeakSuspect> Suspects)
{
    /// <summary>Suspects need two intervals: one diff cannot tell a leak from a cache warming up.</summary>
    public const int SuspectsFrom = 3;

    /// <summary>The series is the last snapshots, the earlier ones without their graphs (the paths need the last only).</summary>
    private const int SeriesLength = 10;

    /// <summary>The findings of <paramref name="snapshot"/>, compared with those before it (if any).</summary>
    public static HeapFindings Of(HeapSnapshot snapshot, double t, HeapFindings? before)
    {
        var diff = before is null ? null : HeapDiff.Between(before.Snapshot.WithoutGraph(), snapshot);
        var grower = snapshot.TopGrowerOrLargest(diff);
        List<HeapSnapshot> series = [.. (before?.Series ?? []).Select(s => s.WithoutGraph()).TakeLast(SeriesLength - 1), snapshot];
        return new HeapFindings(snapshot, t, diff, grower is null ? null : snapshot.PathsTo(grower), series,
            series.Count >= SuspectsFrom ? LeakSuspects.Rank(series, 3) : []);
    }
}
