using System.Globalization;
using TuiProf.Core.Text;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// The calls in view, by name, each with its line and colour: one row listing them beside readable brackets, or,
/// when the brackets are too dense to read, one row per name with its count, durations, heap change and allocations
/// per call.
/// </summary>
public static class CallLegend
{
    public static void DrawNames(CellGrid grid, int x, int y, int width, IReadOnlyList<CallSummary> calls, ChartGlyphs glyphs)
    {
        var at = x;
        foreach (var call in calls)
        {
            // Measured as shown: a name's control characters are spelled out, and longer.
            var item = SafeText.Of($"{glyphs.CallLine(call.Style)}{glyphs.CallLine(call.Style)} {call.Name} x{call.Count}");
            if (at + item.Length > x + width) break;
            grid.Text(at, y, item, CallStyles.Role(call.Style));
            at += item.Length + 2;
        }
    }

    public static void DrawSummaries(CellGrid grid, int x, int y, int width, int rows, IReadOnlyList<CallSummary> calls, ChartGlyphs glyphs)
    {
        var shown = calls.OrderByDescending(c => c.Count).Take(rows).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var c = shown[i];
            string?[] fields = [$"{c.Count} calls", .. Durations(c), Allocated(c.AllocatedPerCall), $"heap {Heap(c.HeapPerCall)}/call",
                i == rows - 1 && calls.Count > rows ? $"(+{calls.Count - rows} more names)" : null];
            // Whole fields only, in order, as many as fit: a figure cut in two reads as another ("p95" alone, "MB/cal").
            var text = SafeText.Of($"{glyphs.CallLine(c.Style)}{glyphs.CallLine(c.Style)} {c.Name}");
            text = text.Length <= width ? text : text[..width];
            foreach (var field in fields.OfType<string>())
            {
                if (text.Length + 2 + field.Length > width) break;
                text += "  " + field;
            }
            grid.Text(x, y + i, text, CallStyles.Role(c.Style));
        }
    }

    /// <summary>The percentiles of the calls kept whole; the mean where all in view are older ones, only counted.</summary>
    private static string[] Durations(CallSummary call) => call is { P50: { } p50, P95: { } p95 }
        ? [$"p50 {Seconds(p50)}", $"p95 {Seconds(p95)}"]
        : [$"mean {Seconds(call.MeanSeconds)}"];

    private static string Seconds(double s) =>
        s < 1 ? string.Create(CultureInfo.InvariantCulture, $"{s * 1000:0.#} ms") : string.Create(CultureInfo.InvariantCulture, $"{s:0.00} s");

    private static string? Allocated(CallAllocation? allocated) => allocated is null ? null : $"alloc {allocated.Text}/call";

    /// <summary>A dash where the readings cannot tell (a GC inside every call, or readings too sparse).</summary>
    private static string Heap(long? bytes) =>
        bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{(b >= 0 ? "+" : "")}{b / 1e6:0.0} MB") : "-";
}
