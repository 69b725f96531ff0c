namespace TuiProf.Core.Timeline;

/// <summary>
/// The GC heap line, computed one way for the TUI's timeline, <c>plot</c> and every export. Its points are every heap
/// reading there is: the runtime's gc-heap-size counter between GCs, and the generation sizes the runtime reports
/// after each GC (GCHeapStats), whose total is the heap then. A GC's own <see cref="GcEvent.HeapAfter"/> is that same
/// total, so it adds no point; its <see cref="GcEvent.HeapBefore"/> is no reading of its own time (without per-heap
/// history it is the last reading before the GC), so it adds none either.
/// </summary>
public static class HeapSeries
{
    /// <summary>The point a memory reading puts on the heap line, its <c>Heap</c> in bytes; null for an RSS reading.</summary>
    public static MemorySample? Point(MemorySample reading) => reading switch
    {
        { Heap: not null } => reading,
        { Generations: { } after } => reading with { Heap = after.Total },
        _ => null,
    };

    /// <summary>The line's order: by time; of one time, a counter reading before a size after a GC.</summary>
    public static IComparer<MemorySample> Order { get; } = Comparer<MemorySample>.Create((a, b) =>
        a.T != b.T ? a.T.CompareTo(b.T) : IsAfterGc(a).CompareTo(IsAfterGc(b)));

    /// <summary>Whether a point is a size after a GC (with its generations), not a counter reading.</summary>
    public static bool IsAfterGc(MemorySample point) => point.Generations is not null;

    /// <summary>The heap line of some events, in its <see cref="Order"/> (of one kind and time, as they came).</summary>
    public static List<MemorySample> Of(IEnumerable<TimelineEvent> events) =>
        events.OfType<MemorySample>().Select(Point).OfType<MemorySample>().Order(Order).ToList();

    /// <summary>
    /// The line of a timeline's window, whose counter readings and sizes after GCs are kept apart, each in order: in
    /// an array rented from the shared pool, the two given back to it.
    /// </summary>
    internal static ArraySegment<MemorySample> Merge(ArraySegment<MemorySample> readings, ArraySegment<MemorySample> afterGcs) =>
        PooledMerge.Of(readings, afterGcs, Order);
}
