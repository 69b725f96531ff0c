namespace TuiProf.Core.Timeline;

/// <summary>A fixed-capacity list that drops its oldest items, so a long session keeps a flat memory footprint.</summary>
public sealed class RingBuffer<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _start;

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    /// <summary>How many items were dropped to make room since the buffer was created.</summary>
    public long Dropped { get; private set; }

    public T this[int index] => _items[(_start + index) % _items.Length];

    public void Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            return;
        }
        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
        Dropped++;
    }

    /// <summary>The index of the first item for which <paramref name="isAtOrAfter"/> holds, for items in order.</summary>
    public int LowerBound(Func<T, bool> isAtOrAfter)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (isAtOrAfter(this[mid])) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    public T[] Slice(int from, int to)
    {
        var result = new T[Math.Max(0, to - from)];
        CopyTo(from, result.Length, result);
        return result;
    }

    /// <summary>Copies <paramref name="count"/> items from index <paramref name="from"/> to the start of <paramref name="destination"/>.</summary>
    public void CopyTo(int from, int count, T[] destination)
    {
        if (count <= 0) return;
        // The items are at most two runs of the backing array: before and after its wrap-around.
        var first = (_start + from) % _items.Length;
        var head = Math.Min(count, _items.Length - first);
        Array.Copy(_items, first, destination, 0, head);
        Array.Copy(_items, 0, destination, head, count - head);
    }

    public T[] ToArray() => Slice(0, Count);
}
