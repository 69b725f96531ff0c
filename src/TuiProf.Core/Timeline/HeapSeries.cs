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

    /// <summary>The heap line of some events, in time order (readings of one time in the order they came).</summary>
    public static List<MemorySample> Of(IEnumerable<TimelineEvent> events) =>
        events.OfType<MemorySample>().Select(Point).OfType<MemorySample>().OrderBy(point => point.T).ToList();
}
