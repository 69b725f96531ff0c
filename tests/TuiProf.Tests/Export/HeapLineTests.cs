using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Export;

/// <summary>
/// A recording's GC heap line is one line wherever it is drawn: the TUI's timeline, <c>tuiprof plot</c> and
/// <c>tuiprof export -f mprof</c> hold the same points, the sizes after each GC among them.
/// </summary>
public class HeapLineTests(LeakRecording leak) : IClassFixture<LeakRecording>
{
    private const double Mebibyte = 1024 * 1024;

    [Fact(Timeout = 120_000)]
    public async Task The_tui_plot_and_the_mprof_export_hold_the_same_heap_points_of_one_recording()
    {
        var events = leak.Recording.Events;
        var timeline = new Core.Timeline.Timeline();
        foreach (var e in events) timeline.Apply(e);
        using var tui = timeline.Window(0, timeline.Now);
        using var plot = TimelineWindow.From(events); // as 'tuiprof plot' draws the file
        var mprof = File.ReadLines(await leak.ExportAsync("mprof", ".dat"))
            .Where(line => line.StartsWith("CHLD GC-heap ")).Select(line => line["CHLD GC-heap ".Length..]);

        Assert.Equal(Points(plot.Heap), Points(tui.Heap));
        Assert.Equal(plot.Heap.Select(point => FormattableString.Invariant(
            $"{point.Heap!.Value / Mebibyte:F6} {leak.Series.UnixOrigin + point.T:F4}")), mprof);
        Assert.Contains(tui.Heap, point => point.Generations is not null); // the sizes after leak's GCs
    }

    private static IEnumerable<(double T, long? Heap)> Points(IEnumerable<MemorySample> heap) => heap.Select(point => (point.T, point.Heap));
}
