namespace TuiProf.Core.Heap;

/// <summary>
/// One type's line in a snapshot: its live objects, their total size (not one object's), and what they retain:
/// the bytes the GC would free if every instance became unreachable, counting nested instances once.
/// </summary>
public sealed record HeapTypeStats(string Name, int Count, long Bytes, long Retained);
