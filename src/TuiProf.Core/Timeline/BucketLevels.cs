using System.Buffers;

namespace TuiProf.Core.Timeline;

/// <summary>
/// Older history at coarser and coarser resolutions. An item joins the open bucket of the first level while it falls
/// in the same bucket of time, else closes it; a level whose buckets are all used hands its oldest to the next, and
/// the last level drops its oldest. So each item costs O(1) amortised, and each level holds older data than the one
/// before it: read from the last level to the first, the buckets are in time order.
/// </summary>
internal sealed class BucketLevels<T>(IReadOnlyList<BucketLevel> levels) where T : struct, ITimeBucket<T>
{
    private readonly RingBuffer<T>[] _closed = levels.Select(l => new RingBuffer<T>(l.Count)).ToArray();
    private readonly T?[] _open = new T?[levels.Count];

    public int Count => _closed.Select((closed, level) => closed.Count + (_open[level] is null ? 0 : 1)).Sum();

    public void Add(T item) => Add(0, item);

    private void Add(int level, T item)
    {
        if (_open[level] is { } open && BucketOf(level, open) == BucketOf(level, item))
        {
            _open[level] = open.Then(item);
            return;
        }
        if (_open[level] is { } done) Close(level, done);
        _open[level] = item;
    }

    // The last level's buffer drops its oldest bucket as it takes the new one.
    private void Close(int level, T bucket)
    {
        var closed = _closed[level];
        if (closed.IsFull && level + 1 < _closed.Length) Add(level + 1, closed[0]);
        closed.Add(bucket);
    }

    private long BucketOf(int level, T item) => (long)Math.Floor(item.T / levels[level].Seconds);

    /// <summary>The start of the oldest bucket held, or null when none is.</summary>
    public double? Oldest => Count == 0 ? null : At(0).T;

    /// <summary>
    /// The buckets between two times, and one either side so lines run to the window's edges, in an array rented
    /// from the shared pool.
    /// </summary>
    public ArraySegment<T> Between(double start, double end)
    {
        var count = Count;
        var from = Math.Max(0, Ordered.FirstIndex(count, i => At(i).End >= start) - 1);
        var to = Math.Min(count, Ordered.FirstIndex(count, i => At(i).T > end) + 1);
        var items = ArrayPool<T>.Shared.Rent(Math.Max(0, to - from));
        for (var i = from; i < to; i++) items[i - from] = At(i);
        return new ArraySegment<T>(items, 0, Math.Max(0, to - from));
    }

    // The buckets in time order: the last level's closed then open one, ..., the first level's.
    private T At(int index)
    {
        for (var level = _closed.Length - 1; level >= 0; level--)
        {
            if (index < _closed[level].Count) return _closed[level][index];
            index -= _closed[level].Count;
            if (_open[level] is not { } open) continue;
            if (index == 0) return open;
            index--;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
