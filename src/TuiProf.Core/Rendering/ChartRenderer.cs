using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// Draws a timeline window as a whole frame of text: GC marker row, memory graph (RSS and GC heap) with a MB axis,
/// time axis, and bracket lanes. A pure function of its inputs, shared by <c>tuiprof plot</c> and the TUI.
/// </summary>
public static class ChartRenderer
{
    private const int MaxLanes = 3;
    private const int MinPlotRows = 2;
    private const double Megabyte = 1_000_000;

    public static CellGrid Render(TimelineWindow window, int width, int height, ChartGlyphs glyphs)
    {
        var grid = new CellGrid(width, height);
        var depth = window.Brackets.Count == 0 ? 0 : window.Brackets.Max(b => b.Depth) + 1;
        var lanes = Math.Clamp(depth, 1, MaxLanes);
        while (lanes > 0 && height - 3 - lanes < MinPlotRows) lanes--;
        var plotRows = height - 3 - lanes;
        if (plotRows < 1 || width < 12)
        {
            grid.Text(0, 0, "(too small)", CellRole.Label);
            return grid;
        }

        using var heap = SeriesPoints.Heap(window.Heap);
        using var rss = SeriesPoints.Rss(window.Rss);
        var maxMb = AxisScale.NiceCeiling(Math.Max(heap.Max, rss.Max) / Megabyte);
        var labels = new[] { AxisScale.Megabytes(maxMb), AxisScale.Megabytes(maxMb / 2), AxisScale.Megabytes(0) };
        var margin = labels.Max(l => l.Length) + 1;
        var plot = new PlotArea(margin, 1, width - margin, plotRows, window.Start, window.End);

        DrawMemoryAxis(grid, plot, labels, glyphs);
        SeriesLayer.Draw(grid, plot, heap.Points, maxMb * Megabyte, glyphs, CellRole.Heap);
        SeriesLayer.Draw(grid, plot, rss.Points, maxMb * Megabyte, glyphs, CellRole.Rss);
        grid.Text(0, 0, "GC", CellRole.Label);
        GcMarkerLayer.Draw(grid, 0, plot, window.Gcs, glyphs);
        DrawTimeAxis(grid, plot, glyphs);
        BracketLane.Draw(grid, plot with { Y = plot.Y + plotRows + 2, Height = lanes }, window.Brackets, glyphs);
        return grid;
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
