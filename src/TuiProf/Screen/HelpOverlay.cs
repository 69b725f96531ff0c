using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The <c>?</c> box: every key, drawn over the middle of the screen.</summary>
public static class HelpOverlay
{
    public static readonly (string Key, string Action)[] Keys =
    [
        ("1-9, up/down+Enter", "switch scenario (stops the running one)"),
        ("g", "force a full GC now, from outside (induced marker)"),
        ("p", "attach to another running .NET process of yours"),
        ("r", "restart the scenario"),
        ("space", "pause / resume scrolling (data keeps arriving)"),
        ("<- ->", "scroll back / forward through history (paused)"),
        ("+ -", "zoom time in / out"),
        ("tab", "cycle the panel: look for, GCs, calls, output"),
        ("a", "toggle ASCII / braille"),
        ("?", "this help"),
        ("q, Ctrl-C", "quit (ends the target)"),
    ];

    public static void Draw(CellGrid grid, ChartGlyphs glyphs)
    {
        var lines = Keys.Select(k => $" {k.Key,-20}{k.Action}").Prepend(" Keys").Append(" press any key to close").ToList();
        var width = Math.Min(grid.Width - 2, lines.Max(l => l.Length) + 2);
        var height = Math.Min(grid.Height - 2, lines.Count + 2);
        int x = (grid.Width - width) / 2, y = (grid.Height - height) / 2;
        grid.Fill(x, y, width, height, ' ', CellRole.Label);
        Box.Draw(grid, x, y, width, height, glyphs, CellRole.Axis);
        for (var i = 0; i < Math.Min(lines.Count, height - 2); i++)
            grid.Text(x + 1, y + 1 + i, TextBlock.Fit(lines[i], width - 2), i == 0 ? CellRole.Title : CellRole.Label);
    }
}
