using System.Buffers;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>One point of a memory series: a time and a size in bytes.</summary>
public readonly record struct SeriesPoint(double T, long Bytes);

/// <summary>
/// One memory series copied out of its samples into a compact, pooled array, with its maximum. The chart reads a
/// series twice (to scale the axis, then to draw); over an hour's 90 000 sample objects the second walk through
/// scattered objects cost more than the drawing itself.
/// </summary>
public sealed class SeriesPoints : IDisposable
{
    private readonly SeriesPoint[] _points;

    private SeriesPoints(IReadOnlyList<MemorySample> samples, Func<MemorySample, long?> value)
    {
        _points = ArrayPool<SeriesPoint>.Shared.Rent(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (value(sample) is not { } bytes) continue;
            _points[Count++] = new SeriesPoint(sample.T, bytes);
            Max = Math.Max(Max, bytes);
        }
    }

    public static SeriesPoints Rss(IReadOnlyList<MemorySample> samples) => new(samples, s => s.Rss);

    public static SeriesPoints Heap(IReadOnlyList<MemorySample> samples) => new(samples, s => s.Heap);

    public int Count { get; }

    public long Max { get; }

    public ReadOnlySpan<SeriesPoint> Points => _points.AsSpan(0, Count);

    public void Dispose() => ArrayPool<SeriesPoint>.Shared.Return(_points);
}
