using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// The key to a chart, in one row: each memory line as it is drawn (thin RSS, thick GC heap, so they differ without
/// colour), the heap's definition, and the GC marks. The longest wording that fits is used.
/// </summary>
public static class ChartLegend
{
    public static IReadOnlyList<(string Text, CellRole Role)> Items(ChartGlyphs g, int width)
    {
        (string, CellRole)[][] variants =
        [
            [($"{g.RssSample} {SeriesNames.Rss}", CellRole.Rss), ($"{g.HeapSample} {SeriesNames.Heap}: {SeriesNames.HeapDefinition}", CellRole.Heap),
             ("0-2 GC generation", CellRole.Gc), ($"{g.GcLine} gen-2 GC", CellRole.Gc), ($"{g.InducedGcLine} induced GC (g, GC.Collect)", CellRole.GcInduced)],
            [($"{g.RssSample} {SeriesNames.Rss}", CellRole.Rss), ($"{g.HeapSample} {SeriesNames.Heap} = {SeriesNames.HeapDefinition}", CellRole.Heap),
             ($"{g.GcLine} gen 2", CellRole.Gc), ($"{g.InducedGcLine} induced", CellRole.GcInduced)],
            [($"{g.RssSample} {SeriesNames.Rss}", CellRole.Rss), ($"{g.HeapSample} {SeriesNames.Heap}", CellRole.Heap),
             ($"{g.GcLine} gen 2", CellRole.Gc), ($"{g.InducedGcLine} induced", CellRole.GcInduced)],
        ];
        return variants.FirstOrDefault(v => Length(v) <= width) ?? variants[^1];
    }

    public static string Text(ChartGlyphs glyphs, int width) => string.Join(Gap, Items(glyphs, width).Select(i => i.Text));

    public static void Draw(CellGrid grid, int x, int y, int width, ChartGlyphs glyphs)
    {
        var at = 0;
        foreach (var (text, role) in Items(glyphs, width))
        {
            if (at >= width) break;
            grid.Text(x + at, y, text.Length <= width - at ? text : text[..(width - at)], role);
            at += text.Length + Gap.Length;
        }
    }

    private const string Gap = "  ";

    private static int Length((string Text, CellRole)[] items) => items.Sum(i => i.Text.Length) + Gap.Length * (items.Length - 1);
}
