namespace TuiProf.Core.Heap;

/// <summary>
/// What the last heap snapshot of a process found: the snapshot (taken at <c>T</c> on the target's clock), its
/// growth since the one before, and the paths that keep the top grower (or, with no diff, the largest type) alive.
/// </summary>
public sealed record HeapFindings(HeapSnapshot Snapshot, double T, HeapDiff? Diff, RetentionReport? Paths)
{
    /// <summary>The findings of <paramref name="snapshot"/>, compared with those before it (if any).</summary>
    public static HeapFindings Of(HeapSnapshot snapshot, double t, HeapFindings? before)
    {
        var diff = before is null ? null : HeapDiff.Between(before.Snapshot.WithoutGraph(), snapshot);
        var grower = snapshot.TopGrowerOrLargest(diff);
        return new HeapFindings(snapshot, t, diff, grower is null ? null : snapshot.PathsTo(grower));
    }
}
