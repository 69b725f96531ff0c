using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>A rectangle outline in the chart's line glyphs (ASCII corners are '+').</summary>
public static class Box
{
    public static void Draw(CellGrid grid, int x, int y, int width, int height, ChartGlyphs glyphs, CellRole role)
    {
        var corners = glyphs.Braille ? "┌┐└┘" : "++++";
        for (var c = x + 1; c < x + width - 1; c++)
        {
            grid.Put(c, y, glyphs.HorizontalLine, role);
            grid.Put(c, y + height - 1, glyphs.HorizontalLine, role);
        }
        for (var r = y + 1; r < y + height - 1; r++)
        {
            grid.Put(x, r, glyphs.VerticalLine, role);
            grid.Put(x + width - 1, r, glyphs.VerticalLine, role);
        }
        grid.Put(x, y, corners[0], role);
        grid.Put(x + width - 1, y, corners[1], role);
        grid.Put(x, y + height - 1, corners[2], role);
        grid.Put(x + width - 1, y + height - 1, corners[3], role);
    }
}
