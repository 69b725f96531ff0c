using BenchmarkDotNet.Attributes;
using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Benchmarks;

/// <summary>Frame render time with an hour of a busy target's data in the window.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RenderBenchmarks
{
    private readonly Timeline _timeline = SyntheticHour.Timeline();
    private TimelineWindow _hour = null!;

    [GlobalSetup]
    public void Setup() => _hour = _timeline.Window(0, 3600);

    [Benchmark(Description = "chart 200x50, 1 h window")]
    public CellGrid Chart() => ChartRenderer.Render(_hour, 200, 50, ChartGlyphs.Unicode);

    [Benchmark(Description = "window slice + chart 200x50, 1 h")]
    public CellGrid WindowAndChart()
    {
        using var window = _timeline.Window(0, 3600);
        return ChartRenderer.Render(window, 200, 50, ChartGlyphs.Unicode);
    }
}
