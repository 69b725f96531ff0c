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
            30 MB|             *********************
                 |             *oooooooooooooo
                 |             *             o
            15 MB|             *             o
                 |**************             o
                 |oooooooooooooo             ooooooo
             0 MB|                           |
                 ++----------------+---------------+
                  0s               5s
                               [--- Work ----]
                  -- Work x1

            """.Replace("\r", ""), frame);
    }

    [Fact]
    public void A_braille_frame_uses_two_by_four_dots_per_cell()
    {
        var frame = ChartRenderer.Render(Window(), 40, 12, ChartGlyphs.Unicode);

        var plotCells = Enumerable.Range(1, 8).SelectMany(y => Enumerable.Range(6, 34).Select(x => frame.CharAt(x, y)));
        Assert.Contains(plotCells, c => c is > '\u2800' and <= '\u28FF');
        Assert.Equal('┃', frame.CharAt(5 + 28, 7)); // the induced GC line, in the empty space under the lines
        Assert.Equal(CellRole.GcInduced, frame.RoleAt(5 + 28, 0));
        Assert.Equal(CellRole.Gc, frame.RoleAt(5 + 7, 0));
        Assert.Contains("[─── Work ────]", frame.ToString());
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
    public void Calls_older_than_those_kept_whole_are_still_named_with_their_count_and_mean()
    {
        var window = new TimelineWindow(0, 120, [], [], [], [new Bracket(100, 100.5, "a", "Work", 0, 1)])
        {
            CallTallies = [new CallTally(0, 59.9, "Work", 1200, 120), new CallTally(1, 59, "Ping", 600, 6)],
        };

        Assert.Contains("── Work x1201  ══ Ping x600", ChartRenderer.Render(window, 60, 12, ChartGlyphs.Unicode).ToString());
        var dense = new CellGrid(60, 2);
        CallLegend.DrawSummaries(dense, 0, 0, 60, 2, CallSummary.Of(window), ChartGlyphs.Ascii);
        Assert.Equal("-- Work  1201 calls  p50 500 ms  p95 500 ms  heap -/call", dense.Line(0).TrimEnd());
        Assert.Equal("== Ping  600 calls  mean 10 ms  heap -/call", dense.Line(1).TrimEnd());
    }

    [Fact]
    public void A_call_row_too_wide_for_its_line_drops_whole_figures_from_its_end_never_half_of_one()
    {
        var grid = new CellGrid(44, 1);

        CallLegend.DrawSummaries(grid, 0, 0, 44, 1, [new CallSummary("HandleRequest", 0, 78, 0.0001, 0.0002, 4_000_000)], ChartGlyphs.Ascii);

        Assert.Equal("-- HandleRequest  78 calls  p50 0.1 ms", grid.Line(0).TrimEnd()); // once "... p95" with its value cut off
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

        var lane = ChartRenderer.Render(window, 40, 8, ChartGlyphs.Ascii).Line(6);

        Assert.StartsWith("       -- Long 10.00s -]", lane);
        Assert.Contains("]", lane);
        Assert.DoesNotContain("[", lane);
    }

    [Fact]
    public void Without_colour_the_heap_is_a_thick_line_and_rss_a_thin_one()
    {
        var window = TimelineWindow.From([new MemorySample(0, Rss: 80_000_000), new MemorySample(10, Rss: 80_000_000),
            new MemorySample(0, Heap: 20_000_000), new MemorySample(10, Heap: 20_000_000)], 0, 10);

        var lines = ChartRenderer.Render(window, 40, 12, ChartGlyphs.Unicode).ToString().Split('\n');

        Assert.Contains(lines, l => l.Contains("⠉⠉⠉⠉⠉⠉⠉⠉")); // RSS: one dot high
        Assert.Contains(lines, l => l.Contains("⣤⣤⣤⣤⣤⣤⣤⣤") || l.Contains("⠶⠶⠶⠶⠶⠶⠶⠶") || l.Contains("⠛⠛⠛⠛⠛⠛⠛⠛") || l.Contains("⣀⣀⣀⣀⣀⣀⣀⣀") && l.Contains("⠉")); // heap: two
    }

    [Fact]
    public void Calls_of_different_names_get_different_lines_and_the_row_below_names_them()
    {
        var window = TimelineWindow.From([new MemorySample(0, Rss: 1), new Bracket(0.5, 3, "a", "Parse", 0, 1),
            new Bracket(3, 6, "b", "Render", 0, 1), new Bracket(6.5, 9, "c", "Parse", 0, 1)], 0, 10);

        var frame = ChartRenderer.Render(window, 60, 12, ChartGlyphs.Ascii);

        Assert.Equal("  [-- Parse ---][=== Render ===]  [-- Parse ---]", frame.Line(10).TrimEnd()[7..]);
        Assert.Equal("-- Parse x2  == Render x1", frame.Line(11).Trim());
        Assert.Equal(CallStyles.Role(1), frame.RoleAt(frame.Line(10).IndexOf("Render"), 10));
    }

    [Fact]
    public void A_call_starting_where_the_last_ended_starts_one_column_further_so_the_two_never_merge()
    {
        var window = TimelineWindow.From([new MemorySample(0, Rss: 1), new Bracket(1, 2.02, "a", "Tick", 0, 1),
            new Bracket(2.02, 3, "b", "Tick", 0, 1)], 0, 10);

        var lane = ChartRenderer.Render(window, 60, 12, ChartGlyphs.Ascii).Line(10);

        Assert.Contains("][", lane);
    }

    [Fact]
    public void Calls_too_dense_to_read_as_brackets_become_one_summary_line_a_name()
    {
        var events = new List<TimelineEvent>();
        for (var i = 0; i < 100; i++)
        {
            var t = i * 0.1;
            events.Add(new MemorySample(t, Heap: 10_000_000 + i % 2 * 5_000_000));
            events.Add(new MemorySample(t + 0.05, Heap: 10_000_000));
            events.Add(new Bracket(t, t + 0.04 + i % 10 * 0.001, $"r{i}", "HandleRequest", 0, 1));
            events.Add(new Bracket(t + 0.01, t + 0.02, $"q{i}", "Query", 1, 1));
        }

        var frame = ChartRenderer.Render(TimelineWindow.From(events, 0, 10), 80, 14, ChartGlyphs.Ascii).ToString();

        Assert.Contains("-- HandleRequest  100 calls  p50 44 ms  p95 49 ms  heap ", frame);
        Assert.Contains("== Query  100 calls  p50 10 ms  p95 10 ms  heap ", frame);
        Assert.DoesNotContain("[", frame);
    }

    [Fact]
    public void A_names_summary_gives_the_mean_its_calls_allocated_with_the_bound_of_the_mean()
    {
        var events = new List<TimelineEvent> { new MemorySample(0, Heap: 10_000_000) };
        for (var i = 0; i < 100; i++)
            events.Add(new Bracket(i * 0.1, i * 0.1 + 0.04, $"r{i}", "HandleRequest", 0, 1) { Allocated = new CallAllocation(2_000_000 + i % 2 * 200_000, 600_000) });

        var frame = ChartRenderer.Render(TimelineWindow.From(events, 0, 10), 120, 14, ChartGlyphs.Ascii).ToString();

        // 100 calls of +/-0.6 MB each: the mean's bound is a tenth of one call's.
        Assert.Contains("-- HandleRequest  100 calls  p50 40 ms  p95 40 ms  alloc 2.1 MB +/-0.1/call  heap ", frame);
    }
}
