namespace TuiProf.Core.Rendering;

/// <summary>The characters a chart is drawn with: Unicode (braille dots, box lines) or plain ASCII for any terminal.</summary>
public sealed record ChartGlyphs(
    bool Braille,
    char HorizontalLine,
    char VerticalLine,
    char AxisTee,
    char Corner,
    char Tick,
    char GcLine,
    char InducedGcLine,
    char RssPoint,
    char HeapPoint,
    char Ellipsis)
{
    public static ChartGlyphs Unicode { get; } = new(true, '─', '│', '┤', '└', '┬', '┆', '┃', '⣿', '⣿', '…');

    public static ChartGlyphs Ascii { get; } = new(false, '-', '|', '|', '+', '+', ':', '|', '*', 'o', '~');
}
