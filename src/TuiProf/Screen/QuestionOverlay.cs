using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>A yes/no question in a box over the middle of the screen, wrapped to fit, and how to answer it.</summary>
public static class QuestionOverlay
{
    public static void Draw(CellGrid grid, string question, ChartGlyphs glyphs)
    {
        var width = Math.Min(grid.Width - 2, 64);
        var lines = TextBlock.Wrap(question, width - 4).Append("y: yes    any other key: no").ToList();
        var height = Math.Min(grid.Height - 2, lines.Count + 2);
        int x = (grid.Width - width) / 2, y = (grid.Height - height) / 2;
        grid.Fill(x, y, width, height, ' ', CellRole.Alert);
        Box.Draw(grid, x, y, width, height, glyphs, CellRole.Alert);
        for (var i = 0; i < Math.Min(lines.Count, height - 2); i++)
            grid.Text(x + 2, y + 1 + i, lines[i], CellRole.Alert);
    }
}
