using System.Globalization;
using TuiProf.Core.Text;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// Function brackets under the graph, one row per nesting depth: <c>[── RandomNumberAverage 0.50s ──]</c>, on the
/// same columns as the graph, each name with its own line and colour. Calls in one row never touch: a call that
/// would start in the column where the last one ended starts one further. A bracket cut by the window's edge loses
/// its bracket character on that side. When the calls are too many or too deep to read as brackets (a busy server
/// would be a barcode), the rows show each name's summary instead.
/// </summary>
public static class BracketLane
{
    /// <summary>Fewer columns a call than this on average, and the brackets say nothing: summarise instead.</summary>
    private const int MinColumnsPerCall = 6;

    /// <summary>Shorter than this, a cut name says nothing; the bracket is drawn without a label.</summary>
    private const int MinCutLength = 4;

    public static bool IsTooDense(PlotArea lanes, IReadOnlyList<Bracket> brackets) =>
        brackets.Count > 0 && (brackets.Max(b => b.Depth) >= lanes.Height ||
                               brackets.GroupBy(b => b.Depth).Max(g => g.Count()) * MinColumnsPerCall > lanes.Width);

    public static void Draw(CellGrid grid, PlotArea lanes, IReadOnlyList<Bracket> brackets, IReadOnlyList<CallSummary> calls,
        ChartGlyphs glyphs)
    {
        var styles = calls.ToDictionary(c => c.Name, c => c.Style);
        var free = new int[lanes.Height]; // per row, the first column not yet used by a call
        foreach (var bracket in brackets.OrderBy(b => b.T))
        {
            if (bracket.Depth >= lanes.Height || bracket.End < lanes.Start || bracket.T > lanes.End) continue;
            var y = lanes.Y + bracket.Depth;
            var style = styles.GetValueOrDefault(bracket.Name);
            var role = CallStyles.Role(style);
            var first = Math.Max(free[bracket.Depth], lanes.Column(bracket.T));
            var lastColumn = Math.Min(lanes.Width - 1, lanes.Column(bracket.End));
            if (first >= lanes.Width) continue;
            free[bracket.Depth] = Math.Max(first, lastColumn) + 1;
            if (lastColumn <= first)
            {
                grid.Put(lanes.X + first, y, '|', role);
                continue;
            }
            for (var c = first; c <= lastColumn; c++)
                grid.Put(lanes.X + c, y, glyphs.CallLine(style), role);
            if (bracket.T >= lanes.Start) grid.Put(lanes.X + first, y, '[', role);
            if (bracket.End <= lanes.End) grid.Put(lanes.X + lastColumn, y, ']', role);

            // At least one line character stays on each side of the label: it is how the name's style shows without colour.
            var label = Label(bracket, lastColumn - first - 3, glyphs);
            var at = first + 1 + (lastColumn - first - 1 - label.Length) / 2;
            grid.Text(lanes.X + at, y, label, role);
        }
    }

    /// <summary>
    /// The first that fits of " name 0.50s ", " name ", the name cut with an ellipsis, "0.50s", ".5s". Narrow
    /// brackets keep their duration, which tells repeated calls apart better than a cut name.
    /// </summary>
    public static string Label(Bracket bracket, int room, ChartGlyphs glyphs)
    {
        var seconds = bracket.Duration.ToString("0.00", CultureInfo.InvariantCulture) + "s";
        var name = SafeText.Of(bracket.Name); // measured as shown: control characters are spelled out, and longer
        foreach (var candidate in new[] { $" {name} {seconds} ", $" {name} ", name })
            if (candidate.Length <= room) return candidate;
        if (room > MinCutLength + 2) return name[..(room - 1)] + glyphs.Ellipsis;
        var tenths = bracket.Duration.ToString(".0", CultureInfo.InvariantCulture) + "s";
        return seconds.Length <= room ? seconds : tenths.Length <= room ? tenths : "";
    }
}
