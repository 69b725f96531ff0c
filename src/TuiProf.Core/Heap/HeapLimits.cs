namespace TuiProf.Core.Heap;

/// <summary>
/// How large a heap TuiProf reads whole. Beyond either limit the rest of the dump is skipped and the snapshot is
/// marked incomplete, so TuiProf's own memory stays bounded: about 48 bytes per object and 16 per reference while
/// a snapshot is analysed (8 M objects and 24 M references: under 800 MB), whatever the target's heap.
/// </summary>
public sealed record HeapLimits(int MaxObjects = 8_000_000, int MaxReferences = 24_000_000)
{
    public static HeapLimits Default { get; } = new();
}
