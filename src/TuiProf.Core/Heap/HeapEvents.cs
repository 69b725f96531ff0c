using TuiProf.Core.Timeline;

namespace TuiProf.Core.Heap;

/// <summary>A heap snapshot on the timeline; <c>T</c> is when it was asked for. Recorded as a <c>heap</c> line.</summary>
public sealed record HeapSnapshotTaken(double T, HeapSnapshot Snapshot) : TimelineEvent(T);
