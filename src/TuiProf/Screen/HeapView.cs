using TuiProf.Core.Heap;

namespace TuiProf.Screen;

/// <summary>What the heap panel shows: the last snapshot (taken at <c>T</c>), its growth since the one before, and the paths that keep the top grower alive.</summary>
public sealed record HeapView(HeapSnapshot Snapshot, double T, HeapDiff? Diff, RetentionReport? Paths);
