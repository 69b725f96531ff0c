using System.Buffers;

namespace TuiProf.Core.Rendering;

/// <summary>
/// Draws one memory series as a line: each dot column shows the min–max of its points (a band where they summarise
/// many readings, as over a day, across the columns of their span), joined to the previous column, and held flat
/// across columns without points (a value stays true until the next reading).
/// Braille gives 2×4 dots a cell; ASCII one. The GC heap is drawn two dots thick, so without colour it is still
/// told from RSS's thin line.
/// </summary>
public static class SeriesLayer
{
    private static readonly int[,] BrailleBits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    public static void Draw(CellGrid grid, PlotArea area, ReadOnlySpan<SeriesPoint> points, double maxBytes,
        ChartGlyphs glyphs, CellRole role)
    {
        var (perX, perY) = glyphs.Braille ? (2, 4) : (1, 1);
        int columns = area.Width * perX, rows = area.Height * perY;
        if (columns <= 0 || rows <= 0 || maxBytes <= 0) return;

        // Per dot column: its lowest, highest and last dot, last -1 where no point falls (rented: ten frames a second).
        var rented = ArrayPool<int>.Shared.Rent(columns * 3);
        try
        {
            Draw(grid, area, points, glyphs, role, rows, maxBytes,
                rented.AsSpan(0, columns), rented.AsSpan(columns, columns), rented.AsSpan(2 * columns, columns));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static void Draw(CellGrid grid, PlotArea area, ReadOnlySpan<SeriesPoint> points, ChartGlyphs glyphs,
        CellRole role, int rows, double maxBytes, Span<int> low, Span<int> high, Span<int> last)
    {
        var (columns, perX, perY) = (low.Length, glyphs.Braille ? 2 : 1, glyphs.Braille ? 4 : 1);
        last.Fill(-1);
        int Dot(long bytes) => Math.Clamp((int)Math.Round(bytes / maxBytes * (rows - 1)), 0, rows - 1);

        // Points are in time order, so each dot column holds a run of them: find each run's end by binary search
        // and take min, max and last of its bytes (an hour at 25 Hz is ~200 points a column).
        var i = FirstPastColumn(points, 0, area, perX, -1);
        int? before = i > 0 ? Dot(points[i - 1].Bytes) : null;
        for (var c = 0; c < columns && i < points.Length; c++)
        {
            var end = FirstPastColumn(points, i, area, perX, c);
            if (end == i) continue;
            long min = long.MaxValue, max = long.MinValue;
            foreach (var point in points[i..end])
            {
                min = Math.Min(min, point.Min);
                max = Math.Max(max, point.Max);
            }
            (low[c], high[c], last[c]) = (Dot(min), Dot(max), Dot(points[end - 1].Bytes));
            i = end;
        }
        var after = i < points.Length;
        Spread(points, area, perX, Dot, low, high, last);

        var lastData = after ? columns : LastWithData(last);
        var previous = before;
        for (var c = 0; c < columns && c <= lastData; c++)
        {
            if (last[c] < 0)
            {
                if (previous is not { } held) continue;
                low[c] = high[c] = last[c] = held;
            }
            else if (previous is { } p)
            {
                low[c] = Math.Min(low[c], p);
                high[c] = Math.Max(high[c], p);
            }
            var top = role == CellRole.Heap && glyphs.Braille ? Math.Min(rows - 1, high[c] + 1) : high[c];
            for (var dot = low[c]; dot <= top; dot++)
                Plot(grid, area, c, rows - 1 - dot, perX, perY, glyphs, role);
            previous = last[c];
        }
    }

    /// <summary>
    /// A summary of many readings stands for every column from its first reading to its last, not only the one it is
    /// put in: zoomed in on older history, a minute's band spans the columns of its minute.
    /// </summary>
    private static void Spread(ReadOnlySpan<SeriesPoint> points, PlotArea area, int perX, Func<long, int> dot,
        Span<int> low, Span<int> high, Span<int> last)
    {
        foreach (var point in points)
        {
            if (point.Start >= point.T) continue;
            var (min, max) = (dot(point.Min), dot(point.Max));
            for (var c = Math.Max(0, area.Column(point.Start, perX)); c < Math.Min(low.Length, area.Column(point.T, perX)); c++)
            {
                if (last[c] < 0) (low[c], high[c], last[c]) = (min, max, dot(point.Bytes));
                else (low[c], high[c]) = (Math.Min(low[c], min), Math.Max(high[c], max));
            }
        }
    }

    private static int LastWithData(ReadOnlySpan<int> last)
    {
        for (var c = last.Length - 1; c >= 0; c--)
            if (last[c] >= 0) return c;
        return -1;
    }

    /// <summary>The index of the first point from <paramref name="from"/> on that lies right of dot column <paramref name="column"/>.</summary>
    private static int FirstPastColumn(ReadOnlySpan<SeriesPoint> points, int from, PlotArea area, int perX, int column)
    {
        int low = from, high = points.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (area.Column(points[mid].T, perX) > column) high = mid;
            else low = mid + 1;
        }
        return low;
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
