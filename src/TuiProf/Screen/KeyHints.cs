using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The bottom row: as many key hints as fit, always ending with help and quit.</summary>
public static class KeyHints
{
    private static readonly string[] Optional =
        ["1-9 scenario", "g force GC", "p attach", "r restart", "space pause", "<- -> scroll", "+/- zoom", "tab panel", "a ascii"];

    public static string Line(int width)
    {
        const string always = "? help  q quit";
        var hints = new List<string>();
        var length = always.Length;
        foreach (var hint in Optional)
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
