using System.Buffers;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// One point of a memory series: a time and a size in bytes, and the lowest and highest sizes it stands for from
/// <see cref="Start"/> to <see cref="T"/> (a summary of older readings stands for many; a reading, for itself).
/// </summary>
public readonly record struct SeriesPoint(double Start, double T, long Bytes, long Min, long Max)
{
    public SeriesPoint(double t, long bytes) : this(t, t, bytes, bytes, bytes) { }
}

/// <summary>
/// One memory series copied out of its samples (and the summaries of its older readings) into a compact, pooled
/// array in time order, with its maximum. The chart reads a series twice (to scale the axis, then to draw); over an
/// hour's 90 000 sample objects the second walk through scattered objects cost more than the drawing itself.
/// </summary>
public sealed class SeriesPoints : IDisposable
{
    private readonly SeriesPoint[] _points;

    // A summary is put at its last reading, whose value it carries on; where summaries and readings overlap in time
    // (the heap's readings and sizes after GCs leave their full-rate buffers at different rates) they are merged.
    private SeriesPoints(IReadOnlyList<MemoryRange> older, IReadOnlyList<MemorySample> samples, Func<MemorySample, long?> value)
    {
        _points = ArrayPool<SeriesPoint>.Shared.Rent(older.Count + samples.Count);
        int o = 0, s = 0;
        while (o < older.Count || s < samples.Count)
        {
            if (s == samples.Count || (o < older.Count && older[o].End <= samples[s].T))
            {
                var range = older[o++];
                Add(new SeriesPoint(range.T, range.End, range.Last, range.Min, range.Max));
            }
            else if (value(samples[s++]) is { } bytes) Add(new SeriesPoint(samples[s - 1].T, bytes));
        }
    }

    private void Add(SeriesPoint point)
    {
        _points[Count++] = point;
        Max = Math.Max(Max, point.Max);
    }

    public static SeriesPoints Rss(TimelineWindow window) => new(window.OlderRss, window.Rss, s => s.Rss);

    public static SeriesPoints Heap(TimelineWindow window) => new(window.OlderHeap, window.Heap, s => s.Heap);

    public int Count { get; private set; }

    public long Max { get; private set; }

    public ReadOnlySpan<SeriesPoint> Points => _points.AsSpan(0, Count);

    public void Dispose() => ArrayPool<SeriesPoint>.Shared.Return(_points);
}
