using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// GC markers: the generation digit in the marker row at the GC's column (the highest generation when several
/// share a column), and for gen-2 and induced GCs a vertical line through the empty cells of the plot. Induced
/// GCs use a heavier line and their own role, so they stand out without colour too. Older gen-0 and gen-1 GCs, kept
/// only as counts per bucket of time, mark each column their bucket spans.
/// </summary>
public static class GcMarkerLayer
{
    public static void Draw(CellGrid grid, int markerRow, PlotArea plot, IReadOnlyList<GcEvent> gcs,
        IReadOnlyList<GcTally> counted, ChartGlyphs glyphs)
    {
        var generation = new int[plot.Width];
        var induced = new bool[plot.Width];
        Array.Fill(generation, -1);
        foreach (var tally in counted)
            for (var c = Math.Max(0, plot.Column(tally.T)); c <= Math.Min(plot.Width - 1, plot.Column(tally.End)); c++)
                generation[c] = Math.Max(generation[c], tally.HighestGeneration);
        foreach (var gc in gcs)
        {
            var c = plot.Column(gc.T);
            if (c < 0 || c >= plot.Width || gc.T > plot.End) continue;
            generation[c] = Math.Max(generation[c], gc.Generation);
            induced[c] |= gc.IsInduced;
        }

        for (var c = 0; c < plot.Width; c++)
        {
            if (generation[c] < 0) continue;
            var role = induced[c] ? CellRole.GcInduced : CellRole.Gc;
            grid.Put(plot.X + c, markerRow, (char)('0' + Math.Min(generation[c], 9)), role);
            if (generation[c] < 2 && !induced[c]) continue;
            var line = induced[c] ? glyphs.InducedGcLine : glyphs.GcLine;
            for (var y = plot.Y; y < plot.Y + plot.Height; y++)
                if (grid.RoleAt(plot.X + c, y) == CellRole.Empty)
                    grid.Put(plot.X + c, y, line, role);
        }
    }
}
