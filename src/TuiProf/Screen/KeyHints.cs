using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The bottom row: as many of the key table's hints as fit, always ending with help and quit.</summary>
public static class KeyHints
{
    public static string Line(int width)
    {
        var always = string.Join("  ", KeyTable.Hints(last: true));
        var hints = new List<string>();
        var length = always.Length;
        foreach (var hint in KeyTable.Hints(last: false))
        {
            if (length + hint.Length + 2 > width - 1) break;
            hints.Add(hint);
            length += hint.Length + 2;
        }
        hints.Add(always);
        return " " + string.Join("  ", hints);
    }

    public static void Draw(CellGrid grid, int y) => grid.Text(0, y, TextBlock.Fit(Line(grid.Width), grid.Width), CellRole.Muted);
}
