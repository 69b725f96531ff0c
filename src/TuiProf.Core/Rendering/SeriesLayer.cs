using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// Draws one memory series as a line: each dot column shows the min–max of its samples, joined to the previous
/// column, and held flat across columns without samples (a value stays true until the next reading).
/// Braille gives 2×4 dots a cell; ASCII one.
/// </summary>
public static class SeriesLayer
{
    private static readonly int[,] BrailleBits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    public static void Draw(CellGrid grid, PlotArea area, IReadOnlyList<MemorySample> samples,
        Func<MemorySample, long?> value, double maxBytes, ChartGlyphs glyphs, CellRole role)
    {
        var (perX, perY) = glyphs.Braille ? (2, 4) : (1, 1);
        int columns = area.Width * perX, rows = area.Height * perY;
        if (columns <= 0 || rows <= 0 || maxBytes <= 0) return;

        var low = new int[columns];
        var high = new int[columns];
        var last = new int[columns];
        var has = new bool[columns];
        int? before = null;
        var after = false;
        foreach (var sample in samples)
        {
            if (value(sample) is not { } v) continue;
            var dot = Math.Clamp((int)Math.Round(v / maxBytes * (rows - 1)), 0, rows - 1);
            var c = area.Column(sample.T, perX);
            if (c < 0) { before = dot; continue; }
            if (c >= columns) { after = true; break; }
            if (!has[c]) { low[c] = high[c] = dot; has[c] = true; }
            low[c] = Math.Min(low[c], dot);
            high[c] = Math.Max(high[c], dot);
            last[c] = dot;
        }

        var lastData = after ? columns : Array.LastIndexOf(has, true);
        var previous = before;
        for (var c = 0; c < columns && c <= lastData; c++)
        {
            if (!has[c])
            {
                if (previous is not { } held) continue;
                low[c] = high[c] = last[c] = held;
            }
            else if (previous is { } p)
            {
                low[c] = Math.Min(low[c], p);
                high[c] = Math.Max(high[c], p);
            }
            for (var dot = low[c]; dot <= high[c]; dot++)
                Plot(grid, area, c, rows - 1 - dot, perX, perY, glyphs, role);
            previous = last[c];
        }
    }

    private static void Plot(CellGrid grid, PlotArea area, int column, int rowFromTop, int perX, int perY,
        ChartGlyphs glyphs, CellRole role)
    {
        int x = area.X + column / perX, y = area.Y + rowFromTop / perY;
        if (!glyphs.Braille)
        {
            grid.Put(x, y, role == CellRole.Heap ? glyphs.HeapPoint : glyphs.RssPoint, role);
            return;
        }
        var existing = grid.CharAt(x, y);
        var bits = existing is >= '\u2800' and <= '\u28FF' ? existing - 0x2800 : 0;
        bits |= BrailleBits[column % perX, rowFromTop % perY];
        grid.Put(x, y, (char)(0x2800 + bits), role);
    }
}
