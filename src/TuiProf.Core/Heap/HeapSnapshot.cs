namespace TuiProf.Core.Heap;

/// <summary>
/// What a snapshot cost the target and TuiProf: the forced full GC it rode on (number and pause, which the timeline
/// also shows as an induced GC), the seconds from asking to the last event, and TuiProf's analysis time.
/// </summary>
public sealed record SnapshotCost(int GcNumber, double PauseMs, double DumpSeconds, double AnalysisSeconds);

/// <summary>
/// The live objects of a target's GC heap at one moment, summed per type. <see cref="Incomplete"/> says why it is
/// not the whole heap (a limit or lost events); a snapshot the target did not finish is never made at all.
/// The graph is kept for retention paths and may be dropped (<see cref="WithoutGraph"/>) once it is not needed.
/// </summary>
public sealed record HeapSnapshot(
    DateTime TakenAtUtc,
    int ObjectCount,
    long TotalBytes,
    IReadOnlyList<HeapTypeStats> Types,
    SnapshotCost Cost,
    string? Incomplete = null)
{
    public HeapGraph? Graph { get; init; }

    /// <summary>The event handlers whose targets keep much alive (<see cref="HandlerGroup"/>), heaviest first.</summary>
    public IReadOnlyList<HandlerGroup> Handlers { get; init; } = [];

    public HeapSnapshot WithoutGraph() => this with { Graph = null };

    /// <summary>The type worth explaining: what grew most since <paramref name="since"/>'s earlier snapshot, else the largest.</summary>
    public string? TopGrowerOrLargest(HeapDiff? since) =>
        since?.Types.FirstOrDefault(t => t.BytesDelta > 0)?.Name ?? Types.FirstOrDefault()?.Name;

    /// <summary>The paths keeping a type alive, or null if the type has no instances or the graph was dropped.</summary>
    public RetentionReport? PathsTo(string typeName) => Graph is { } graph ? RetentionPaths.For(graph, typeName) : null;

    // Equal when the type lines are, not only when they are the same list.
    public bool Equals(HeapSnapshot? other) =>
        other is not null && TakenAtUtc == other.TakenAtUtc && ObjectCount == other.ObjectCount &&
        TotalBytes == other.TotalBytes && Cost == other.Cost && Incomplete == other.Incomplete &&
        Graph == other.Graph && Types.SequenceEqual(other.Types) && Handlers.SequenceEqual(other.Handlers);

    public override int GetHashCode() => HashCode.Combine(TakenAtUtc, ObjectCount, TotalBytes, Cost);
}
