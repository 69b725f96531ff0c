using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen.Panels;

/// <summary>
/// The recent finished calls, newest first, with what each did to memory: peak RSS inside it, the heap's change
/// across it and, with <c>--allocations</c>, what it allocated. One line a call, 55 columns so that it fits beside the
/// list at 80: there the allocations take the peak RSS's place and the names what is left (20 at most, cut with ~).
/// </summary>
public sealed class CallsPanel : IPanel
{
    private const int RecentCount = 30;
    private const int NameWidth = 20, MinNameWidth = 10, AllocatedWidth = 14;

    public string ShortName => "calls";

    public string Title(DashboardFrame frame) => "Recent calls";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows)
    {
        // A heap change reads "-" where the readings cannot tell: a GC ran during the call, or none came near it.
        var timeline = frame.Sources.Timeline;
        var calls = timeline.RecentBrackets(RecentCount).Reverse().Take(rows - 1).ToList();
        var allocated = calls.Any(c => c.Allocated is not null);
        // at, time and heap change, with a space before each column but the first: 7 + 7 + 10, and the name's space.
        var fixedWidth = 25 + (allocated ? AllocatedWidth + 1 : 0);
        var peak = !allocated || width >= fixedWidth + 10 + NameWidth;
        var name = Math.Clamp(width - fixedWidth - (peak ? 10 : 0), MinNameWidth, NameWidth);
        var lines = new List<(string, CellRole)> { (Row(name, "at", "call", "time", peak ? "peak RSS" : null, "heap +/-", allocated ? "allocated" : null), CellRole.Muted) };
        // A call's figures cost a window slice: worked out only for the calls on the page.
        lines.AddRange(calls.Select(c =>
        {
            using var window = timeline.Window(c.T, c.End);
            var rss = window.Rss.Where(s => s.T >= c.T && s.T <= c.End).Select(s => s.Rss).ToList();
            return (Row(name, $"{c.T:0.0}s", new string(' ', c.Depth * 2) + c.Name, $"{c.Duration:0.00}s",
                peak ? TextBlock.Megabytes(rss.Count > 0 ? rss.Max() : null) : null, Signed(window.HeapDelta(c)),
                allocated ? c.Allocated?.Text ?? "-" : null), CellRole.Label);
        }));
        return lines;
    }

    private static string Row(int nameWidth, string at, string call, string time, string? peak, string heap, string? allocated) =>
        $"{at,7} {TextBlock.Cut(call, nameWidth).PadRight(nameWidth)} {time,6}" + (peak is null ? "" : $" {peak,9}") + $" {heap,9}" +
        (allocated is null ? "" : $" {allocated,AllocatedWidth}");

    private static string Signed(long? bytes) => bytes is { } b ? $"{(b >= 0 ? "+" : "")}{b / 1e6:0.0} MB" : "-";
}
