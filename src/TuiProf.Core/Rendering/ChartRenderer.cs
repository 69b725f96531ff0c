using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// Draws a timeline window as a whole frame of text: GC marker row, memory graph (RSS and GC heap) with a MB axis,
/// time axis, bracket lanes and the names of the calls (or, when too dense to read, each name's summary). A pure function of its inputs, shared by <c>tuiprof plot</c> and the TUI.
/// </summary>
public static class ChartRenderer
{
    private const int MaxLanes = 3;
    private const int MinPlotRows = 2;
    private const double Megabyte = 1_000_000;

    /// <summary>The rows a chart of this window needs besides its graph: GC row, time axis and labels, call rows.</summary>
    public static int RowsAround(TimelineWindow window) => 3 + CallRows(window);

    private static int CallRows(TimelineWindow window)
    {
        if (window.Brackets.Count == 0) return 1;
        return Math.Min(window.Brackets.Max(b => b.Depth) + 1, MaxLanes) + 1; // a row per depth, one naming the calls
    }

    public static CellGrid Render(TimelineWindow window, int width, int height, ChartGlyphs glyphs)
    {
        var grid = new CellGrid(width, height);
        Draw(grid, 0, height, window, glyphs);
        return grid;
    }

    /// <summary>The chart across the whole width of <paramref name="grid"/>, in its rows from <paramref name="top"/> on.</summary>
    public static void Draw(CellGrid grid, int top, int height, TimelineWindow window, ChartGlyphs glyphs)
    {
        var width = grid.Width;
        var calls = CallSummary.Of(window);
        // The call rows are given up before the graph's last rows.
        var callRows = CallRows(window);
        while (callRows > 0 && height - 3 - callRows < MinPlotRows) callRows--;
        var plotRows = height - 3 - callRows;
        if (plotRows < 1 || width < 12)
        {
            grid.Text(0, top, "(too small)", CellRole.Label);
            return;
        }

        using var heap = SeriesPoints.Heap(window);
        using var rss = SeriesPoints.Rss(window);
        var maxMb = AxisScale.NiceCeiling(Math.Max(heap.Max, rss.Max) / Megabyte);
        var labels = new[] { AxisScale.Megabytes(maxMb), AxisScale.Megabytes(maxMb / 2), AxisScale.Megabytes(0) };
        var margin = labels.Max(l => l.Length) + 1;
        var plot = new PlotArea(margin, top + 1, width - margin, plotRows, window.Start, window.End);

        DrawMemoryAxis(grid, plot, labels, glyphs);
        SeriesLayer.Draw(grid, plot, heap.Points, maxMb * Megabyte, glyphs, CellRole.Heap);
        SeriesLayer.Draw(grid, plot, rss.Points, maxMb * Megabyte, glyphs, CellRole.Rss);
        grid.Text(0, top, "GC", CellRole.Label);
        GcMarkerLayer.Draw(grid, top, plot, window.Gcs, window.CountedGcs, glyphs);
        DrawTimeAxis(grid, plot, glyphs);
        DrawCalls(grid, plot with { Y = plot.Y + plotRows + 2, Height = callRows }, window.Brackets, calls, glyphs);
    }

    private static void DrawCalls(CellGrid grid, PlotArea rows, IReadOnlyList<Bracket> brackets, IReadOnlyList<CallSummary> calls, ChartGlyphs glyphs)
    {
        if (calls.Count == 0 || rows.Height == 1)
        {
            BracketLane.Draw(grid, rows, brackets, calls, glyphs);
            return;
        }
        var lanes = rows with { Height = rows.Height - 1 };
        if (BracketLane.IsTooDense(lanes, brackets))
        {
            CallLegend.DrawSummaries(grid, rows.X, rows.Y, rows.Width, rows.Height, calls, glyphs);
            return;
        }
        BracketLane.Draw(grid, lanes, brackets, calls, glyphs);
        CallLegend.DrawNames(grid, rows.X, rows.Y + lanes.Height, rows.Width, calls, glyphs);
    }

    private static void DrawMemoryAxis(CellGrid grid, PlotArea plot, string[] labels, ChartGlyphs glyphs)
    {
        var bottom = plot.Y + plot.Height - 1;
        for (var y = plot.Y; y <= bottom; y++)
            grid.Put(plot.X - 1, y, glyphs.VerticalLine, CellRole.Axis);
        PutLabel(plot.Y, labels[0]);
        if (plot.Height >= 5) PutLabel(plot.Y + (plot.Height - 1) / 2, labels[1]);
        if (plot.Height >= 2) PutLabel(bottom, labels[2]);

        void PutLabel(int y, string label)
        {
            grid.Text(plot.X - 1 - label.Length, y, label, CellRole.Label);
            grid.Put(plot.X - 1, y, glyphs.AxisTee, CellRole.Axis);
        }
    }

    private static void DrawTimeAxis(CellGrid grid, PlotArea plot, ChartGlyphs glyphs)
    {
        int axis = plot.Y + plot.Height, labelRow = axis + 1;
        grid.Put(plot.X - 1, axis, glyphs.Corner, CellRole.Axis);
        for (var c = 0; c < plot.Width; c++)
            grid.Put(plot.X + c, axis, glyphs.HorizontalLine, CellRole.Axis);

        var span = plot.End - plot.Start;
        if (span <= 0) return;
        var step = AxisScale.TimeStep(span, plot.Width, minColumns: 8);
        var freeFrom = 0;
        for (var t = Math.Ceiling(plot.Start / step - 1e-9) * step; t <= plot.End + 1e-9; t += step)
        {
            var c = Math.Clamp(plot.Column(t), 0, plot.Width - 1);
            grid.Put(plot.X + c, axis, glyphs.Tick, CellRole.Axis);
            var label = AxisScale.Seconds(Math.Round(t, 6), step);
            if (c < freeFrom || c + label.Length > plot.Width) continue;
            grid.Text(plot.X + c, labelRow, label, CellRole.Label);
            freeFrom = c + label.Length + 1;
        }
    }
}
