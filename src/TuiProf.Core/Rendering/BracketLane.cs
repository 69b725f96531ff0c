using System.Globalization;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// Function brackets under the graph, one row per nesting depth: <c>[── RandomNumberAverage 0.50s ──]</c>, on the
/// same columns as the graph. A bracket cut by the window's edge loses its bracket character on that side.
/// </summary>
public static class BracketLane
{
    public static void Draw(CellGrid grid, PlotArea lanes, IReadOnlyList<Bracket> brackets, ChartGlyphs glyphs)
    {
        foreach (var bracket in brackets)
        {
            if (bracket.Depth >= lanes.Height || bracket.End < lanes.Start || bracket.T > lanes.End) continue;
            var y = lanes.Y + bracket.Depth;
            var first = Math.Max(0, lanes.Column(bracket.T));
            var lastColumn = Math.Min(lanes.Width - 1, lanes.Column(bracket.End));
            if (lastColumn < first) lastColumn = first;
            if (first == lastColumn)
            {
                grid.Put(lanes.X + first, y, '|', CellRole.Bracket);
                continue;
            }
            for (var c = first; c <= lastColumn; c++)
                grid.Put(lanes.X + c, y, glyphs.HorizontalLine, CellRole.Bracket);
            if (bracket.T >= lanes.Start) grid.Put(lanes.X + first, y, '[', CellRole.Bracket);
            if (bracket.End <= lanes.End) grid.Put(lanes.X + lastColumn, y, ']', CellRole.Bracket);

            var label = Label(bracket, lastColumn - first - 1, glyphs);
            var at = first + 1 + (lastColumn - first - 1 - label.Length) / 2;
            grid.Text(lanes.X + at, y, label, CellRole.Label);
        }
    }

    /// <summary>Shorter than this, a cut name says nothing; the bracket is drawn without a label.</summary>
    private const int MinCutLength = 4;

    /// <summary>
    /// The first that fits of " name 0.50s ", " name ", the name cut with an ellipsis, "0.50s", ".5s". Narrow
    /// brackets keep their duration, which tells repeated calls apart better than a cut name.
    /// </summary>
    public static string Label(Bracket bracket, int room, ChartGlyphs glyphs)
    {
        var seconds = bracket.Duration.ToString("0.00", CultureInfo.InvariantCulture) + "s";
        foreach (var candidate in new[] { $" {bracket.Name} {seconds} ", $" {bracket.Name} ", bracket.Name })
            if (candidate.Length <= room) return candidate;
        if (room > MinCutLength + 2) return bracket.Name[..(room - 1)] + glyphs.Ellipsis;
        var tenths = bracket.Duration.ToString(".0", CultureInfo.InvariantCulture) + "s";
        return seconds.Length <= room ? seconds : tenths.Length <= room ? tenths : "";
    }
}
