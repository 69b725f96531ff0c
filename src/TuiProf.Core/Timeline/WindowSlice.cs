using System.Buffers;

namespace TuiProf.Core.Timeline;

internal static class WindowSlice
{
    /// <summary>
    /// The items of a buffer between two times, in an array rented from the shared pool. Items arrive in time order
    /// per source, so the first is found by binary search; one either side is kept so lines run to the window's edges.
    /// </summary>
    public static ArraySegment<T> Of<T>(RingBuffer<T> buffer, double start, double end) where T : TimelineEvent
    {
        var from = Math.Max(0, buffer.LowerBound(x => x.T >= start) - 1);
        var count = Math.Max(0, Math.Min(buffer.Count, buffer.LowerBound(x => x.T > end) + 1) - from);
        var items = ArrayPool<T>.Shared.Rent(count);
        buffer.CopyTo(from, count, items);
        return new ArraySegment<T>(items, 0, count);
    }
}
