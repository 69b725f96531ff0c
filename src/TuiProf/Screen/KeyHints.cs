using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The bottom row: as many of a key map's hints (the dashboard's unless told) as fit, always ending with help and quit.</summary>
public static class KeyHints
{
    public static string Line(int width, KeyMap? keys = null)
    {
        keys ??= KeyTable.Dashboard;
        var always = string.Join("  ", keys.Hints(last: true));
        var hints = new List<string>();
        var length = always.Length;
        foreach (var hint in keys.Hints(last: false))
        {
            if (length + hint.Length + 2 > width - 1) break;
            hints.Add(hint);
            length += hint.Length + 2;
        }
        hints.Add(always);
        return " " + string.Join("  ", hints);
    }

    public static void Draw(CellGrid grid, int y, KeyMap? keys = null) =>
        grid.Text(0, y, TextBlock.Fit(Line(grid.Width, keys), grid.Width), CellRole.Muted);
}
