using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Rendering;

public class ChartRendererTests
{
    /// <summary>Ten seconds: RSS steps 10 → 30 MB at 4 s, heap 5 → 25 → 5 MB, a gen-0 GC, an induced gen-2 GC, one call.</summary>
    private static TimelineWindow Window()
    {
        var events = new List<TimelineEvent>();
        for (var t = 0.0; t <= 10; t += 0.5)
        {
            events.Add(new MemorySample(t, Rss: t < 4 ? 10_000_000 : 30_000_000));
            events.Add(new MemorySample(t, Heap: t is >= 4 and < 8 ? 25_000_000 : 5_000_000));
        }
        events.Add(new GcEvent(2, 1, 0, "AllocSmall", "NonConcurrentGC", 1, 1, 6_000_000, 5_000_000));
        events.Add(new GcEvent(8, 2, 2, "Induced", "NonConcurrentGC", 2, 2, 25_000_000, 5_000_000));
        events.Add(new Bracket(4, 8, "a", "Work", 0, 1));
        return TimelineWindow.From(events, 0, 10);
    }

    [Fact]
    public void An_ascii_frame_shows_both_lines_the_gc_markers_the_axes_and_the_bracket()
    {
        var frame = ChartRenderer.Render(Window(), 40, 12, ChartGlyphs.Ascii).ToString();

        Assert.Equal(
            """
            GC          0                    2
            50 MB|                           |
                 |                           |
                 |                           |
            25 MB|             *********************
                 |             *             o
                 |             *             o
                 |**************             ooooooo
             0 MB|                           |
                 ++----------------+---------------+
                  0s               5s
                               [ Work 4.00s -]

            """.Replace("\r", ""), frame);
    }

    [Fact]
    public void A_braille_frame_uses_two_by_four_dots_per_cell()
    {
        var frame = ChartRenderer.Render(Window(), 40, 12, ChartGlyphs.Unicode);

        var plotCells = Enumerable.Range(1, 8).SelectMany(y => Enumerable.Range(6, 34).Select(x => frame.CharAt(x, y)));
        Assert.Contains(plotCells, c => c is > '\u2800' and <= '\u28FF');
        Assert.Equal('┃', frame.CharAt(5 + 28, 2)); // the induced GC line, in the empty space above the lines
        Assert.Equal(CellRole.GcInduced, frame.RoleAt(5 + 28, 0));
        Assert.Equal(CellRole.Gc, frame.RoleAt(5 + 7, 0));
        Assert.Contains("[ Work 4.00s ─]", frame.ToString());
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(200, 50)]
    [InlineData(12, 5)]
    public void A_frame_fills_exactly_the_size_it_is_given(int width, int height)
    {
        var frame = ChartRenderer.Render(Window(), width, height, ChartGlyphs.Unicode);

        Assert.Equal(width, frame.Width);
        Assert.Equal(height, frame.Height);
        Assert.Contains(width >= 40 ? "Work 4.00s" : "GC     0  2", frame.ToString());
    }

    [Fact]
    public void A_frame_too_small_to_draw_says_so()
    {
        var frame = ChartRenderer.Render(Window(), 30, 3, ChartGlyphs.Ascii);

        Assert.Equal("(too small)", frame.Line(0).TrimEnd());
    }

    [Fact]
    public void A_bracket_cut_by_the_window_edge_loses_its_bracket_on_that_side()
    {
        var window = TimelineWindow.From([new Bracket(-5, 5, "a", "Long", 0, 1), new MemorySample(0, Rss: 1)], 0, 10);

        var lane = ChartRenderer.Render(window, 40, 8, ChartGlyphs.Ascii).Line(7);

        Assert.StartsWith("       -- Long 10.00s -]", lane);
        Assert.Contains("]", lane);
        Assert.DoesNotContain("[", lane);
    }
}
