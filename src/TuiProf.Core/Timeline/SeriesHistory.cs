namespace TuiProf.Core.Timeline;

/// <summary>
/// One memory series of a timeline: its newest readings whole, at full rate, and older ones summarised into
/// <see cref="MemoryRange"/>s as they leave the full-rate buffer.
/// </summary>
internal sealed class SeriesHistory(int recent, IReadOnlyList<BucketLevel> levels, Func<MemorySample, long> bytes)
{
    private readonly BucketLevels<MemoryRange> _older = new(levels);

    public RingBuffer<MemorySample> Recent { get; } = new(recent);

    public void Add(MemorySample reading)
    {
        if (Recent.IsFull) _older.Add(MemoryRange.Of(Recent[0].T, bytes(Recent[0])));
        Recent.Add(reading);
    }

    public bool IsEmpty => Recent.Count == 0;

    public double? Oldest => _older.Oldest ?? (IsEmpty ? null : Recent[0].T);

    /// <summary>The summarised readings between two times (see <see cref="BucketLevels{T}.Between"/>).</summary>
    public ArraySegment<MemoryRange> Older(double start, double end) => _older.Between(start, end);
}
