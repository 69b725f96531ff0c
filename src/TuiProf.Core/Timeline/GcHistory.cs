using System.Buffers;

namespace TuiProf.Core.Timeline;

/// <summary>
/// The GCs of a timeline: the newest whole, at full rate; older gen-2 and induced GCs still whole (a few a minute,
/// and the ones a user scrolls back for), older gen-0 and gen-1 GCs counted per bucket of time.
/// </summary>
internal sealed class GcHistory(TimelineCapacity capacity)
{
    private readonly RingBuffer<GcEvent> _major = new(capacity.MajorGcs);
    private readonly BucketLevels<GcTally> _counted = new(capacity.GcLevels);

    public RingBuffer<GcEvent> Recent { get; } = new(capacity.Gcs);

    public void Add(GcEvent gc)
    {
        if (Recent.IsFull)
        {
            var oldest = Recent[0];
            if (oldest.Generation >= 2 || oldest.IsInduced) _major.Add(oldest);
            else _counted.Add(GcTally.Of(oldest));
        }
        Recent.Add(gc);
    }

    public double? Oldest => new[] { _major.Count > 0 ? _major[0].T : (double?)null, _counted.Oldest, Recent.Count > 0 ? Recent[0].T : null }.Min();

    /// <summary>
    /// The GCs kept whole between two times, with the newest GC either side of the full-rate ones, in an array
    /// rented from the shared pool.
    /// </summary>
    public ArraySegment<GcEvent> Between(double start, double end)
    {
        var recent = WindowSlice.Of(Recent, start, end);
        var from = _major.LowerBound(g => g.T >= start);
        var count = _major.LowerBound(g => g.T > end) - from;
        if (count <= 0) return recent;
        var items = ArrayPool<GcEvent>.Shared.Rent(count + recent.Count);
        _major.CopyTo(from, count, items);
        recent.AsSpan().CopyTo(items.AsSpan(count));
        ArrayPool<GcEvent>.Shared.Return(recent.Array!, clearArray: true);
        return new ArraySegment<GcEvent>(items, 0, count + recent.Count);
    }

    /// <summary>The counted GCs between two times (see <see cref="BucketLevels{T}.Between"/>).</summary>
    public ArraySegment<GcTally> Counted(double start, double end) => _counted.Between(start, end);
}
