namespace TuiProf.Core.Timeline;

/// <summary>
/// A bounded list that drops its oldest items, so a long session keeps a flat memory footprint. Its storage grows
/// on demand (doubling) up to the bound: a timeline of a quiet process must not hold megabytes it never fills.
/// </summary>
public sealed class RingBuffer<T>(int capacity)
{
    private const int FirstStorage = 16;
    private T[] _items = [];
    private int _start;

    public int Count { get; private set; }

    public int Capacity => capacity;

    /// <summary>Whether the next <see cref="Add"/> drops the oldest item.</summary>
    public bool IsFull => Count == capacity;

    /// <summary>How many items were dropped to make room since the buffer was created.</summary>
    public long Dropped { get; private set; }

    public T this[int index] => _items[(_start + index) % _items.Length];

    public void Add(T item)
    {
        if (Count == _items.Length && Count < capacity) Grow();
        if (Count < capacity)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            return;
        }
        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
        Dropped++;
    }

    // Doubling keeps adding amortised O(1); the items are laid out from index 0 again.
    private void Grow()
    {
        var items = new T[Math.Min(capacity, Math.Max(FirstStorage, _items.Length * 2))];
        CopyTo(0, Count, items);
        (_items, _start) = (items, 0);
    }

    /// <summary>The index of the first item for which <paramref name="isAtOrAfter"/> holds, for items in order.</summary>
    public int LowerBound(Func<T, bool> isAtOrAfter) => Ordered.FirstIndex(Count, i => isAtOrAfter(this[i]));

    public T[] Slice(int from, int to)
    {
        var result = new T[Math.Max(0, to - from)];
        CopyTo(from, result.Length, result);
        return result;
    }

    /// <summary>Copies <paramref name="count"/> items from index <paramref name="from"/> to <paramref name="destination"/> at <paramref name="at"/>.</summary>
    public void CopyTo(int from, int count, T[] destination, int at = 0)
    {
        if (count <= 0) return;
        // The items are at most two runs of the backing array: before and after its wrap-around.
        var first = (_start + from) % _items.Length;
        var head = Math.Min(count, _items.Length - first);
        Array.Copy(_items, first, destination, at, head);
        Array.Copy(_items, 0, destination, at + head, count - head);
    }

    public T[] ToArray() => Slice(0, Count);
}
