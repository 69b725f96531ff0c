using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The help box, drawn over the middle of the screen: every row of a <see cref="KeyMap"/>, wrapped.</summary>
public static class HelpOverlay
{
    private const int KeyColumn = 10;
    private const string Closing = " any key closes this help";

    public static void Draw(CellGrid grid, ChartGlyphs glyphs, KeyMap? keys = null)
    {
        var width = Math.Min(grid.Width - 2, 90);
        var lines = Lines(width - 2, keys ?? KeyTable.Dashboard).ToList();
        var height = Math.Min(grid.Height - 2, lines.Count + 2);
        int x = (grid.Width - width) / 2, y = (grid.Height - height) / 2;
        grid.Fill(x, y, width, height, ' ', CellRole.Label);
        Box.Draw(grid, x, y, width, height, glyphs, CellRole.Axis);
        grid.Text(x + 2, y, " Keys ", CellRole.Title);
        // On a short screen the last rows give way, never the line that says how to close the box.
        var shown = Math.Min(lines.Count, height - 2);
        for (var i = 0; i < shown; i++)
        {
            var (text, role) = i == shown - 1 ? lines[^1] : lines[i];
            grid.Text(x + 1, y + 1 + i, TextBlock.Fit(text, width - 2), role);
        }
    }

    public static IEnumerable<(string Text, CellRole Role)> Lines(int width, KeyMap map)
    {
        foreach (var (keys, help) in map.HelpLines)
        {
            var wrapped = TextBlock.Wrap(help, width - KeyColumn - 2);
            for (var i = 0; i < wrapped.Count; i++)
                yield return ($" {(i == 0 ? keys : ""),-KeyColumn} {wrapped[i]}", CellRole.Label);
        }
        yield return (Closing, CellRole.Muted);
    }
}
