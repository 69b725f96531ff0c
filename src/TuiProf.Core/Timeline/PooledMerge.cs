using System.Buffers;

namespace TuiProf.Core.Timeline;

/// <summary>Two ordered runs in arrays rented from the shared pool, merged into one.</summary>
internal static class PooledMerge
{
    /// <summary>The items of both runs in <paramref name="order"/> (of equal ones, the first run's first), in a rented array; the two are given back.</summary>
    public static ArraySegment<T> Of<T>(ArraySegment<T> first, ArraySegment<T> second, IComparer<T> order)
    {
        var merged = ArrayPool<T>.Shared.Rent(first.Count + second.Count);
        int f = 0, s = 0, count = 0;
        while (f < first.Count || s < second.Count)
            merged[count++] = s == second.Count || (f < first.Count && order.Compare(first[f], second[s]) <= 0)
                ? first[f++]
                : second[s++];
        ArrayPool<T>.Shared.Return(first.Array!, clearArray: true);
        ArrayPool<T>.Shared.Return(second.Array!, clearArray: true);
        return new ArraySegment<T>(merged, 0, count);
    }
}
