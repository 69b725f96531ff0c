using TuiProf.Core.Rendering;

namespace TuiProf.Commands;

/// <summary>The key under a chart.</summary>
public static class Legend
{
    public static string Text(ChartGlyphs glyphs) => glyphs.Braille
        ? $"RSS: upper line, GC heap: lower line ({(TerminalCapabilities.UseColor ? "cyan / yellow" : "same dots")})  " +
          $"GC row: generation  {glyphs.GcLine} gen-2 GC  {glyphs.InducedGcLine} induced GC  [ ] function call"
        : $"{glyphs.RssPoint} RSS  {glyphs.HeapPoint} GC heap  GC row: generation  {glyphs.GcLine} gen-2 GC  " +
          $"{glyphs.InducedGcLine} induced GC  [ ] function call";
}
