namespace TuiProf.Core.Heap;

/// <summary>How one type changed between two snapshots (after minus before).</summary>
public sealed record TypeGrowth(string Name, int CountDelta, long BytesDelta, int CountAfter, long BytesAfter);

/// <summary>What grew between two snapshots, per type, the most bytes first (what shrank last).</summary>
public sealed record HeapDiff(HeapSnapshot Before, HeapSnapshot After, IReadOnlyList<TypeGrowth> Types)
{
    public double Seconds => (After.TakenAtUtc - Before.TakenAtUtc).TotalSeconds;

    public static HeapDiff Between(HeapSnapshot before, HeapSnapshot after)
    {
        var old = before.Types.ToDictionary(t => t.Name);
        var now = after.Types.Select(t => t.Name).ToHashSet();
        var types = after.Types.Select(t =>
                old.TryGetValue(t.Name, out var o)
                    ? new TypeGrowth(t.Name, t.Count - o.Count, t.Bytes - o.Bytes, t.Count, t.Bytes)
                    : new TypeGrowth(t.Name, t.Count, t.Bytes, t.Count, t.Bytes))
            .Concat(before.Types.Where(t => !now.Contains(t.Name))
                .Select(t => new TypeGrowth(t.Name, -t.Count, -t.Bytes, 0, 0)))
            .Where(t => t.CountDelta != 0 || t.BytesDelta != 0)
            .OrderByDescending(t => t.BytesDelta).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return new HeapDiff(before, after, types);
    }
}
