namespace TuiProf.Core.Rendering;

/// <summary>The characters a chart is drawn with: Unicode (braille dots, box lines) or plain ASCII for any terminal.</summary>
/// <remarks>Each call name in view gets one of <see cref="CallLines"/> (and a colour), so calls differ without colour too.</remarks>
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
    char Ellipsis,
    string CallLines)
{
    public static ChartGlyphs Unicode { get; } = new(true, '─', '│', '┤', '└', '┬', '┆', '┃', '⣿', '⣿', '…', "─═┄━╌┅")
    {
        RssSample = "⠤⠤", HeapSample = "⠶⠶",
    };

    public static ChartGlyphs Ascii { get; } = new(false, '-', '|', '|', '+', '+', ':', '|', '*', 'o', '~', "-=~#_%")
    {
        RssSample = "**", HeapSample = "oo",
    };

    /// <summary>What each memory line looks like, for legends.</summary>
    public required string RssSample { get; init; }
    public required string HeapSample { get; init; }

    public char CallLine(int style) => CallLines[style % CallLines.Length];
}
