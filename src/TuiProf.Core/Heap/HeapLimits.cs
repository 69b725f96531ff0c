namespace TuiProf.Core.Heap;

/// <summary>
/// How large a heap TuiProf reads whole. Beyond either limit the rest of the dump is skipped and the snapshot is
/// marked incomplete, so TuiProf's own memory stays bounded whatever the target's heap: its peak stays under 100 MB
/// plus 150 bytes an object (measured 165 MB at 1 M objects, 305-316 MB at 3.3 M), so under 900 MB at the limit.
/// </summary>
public sealed record HeapLimits(int MaxObjects = 5_000_000, int MaxReferences = 15_000_000)
{
    public static HeapLimits Default { get; } = new();
}
