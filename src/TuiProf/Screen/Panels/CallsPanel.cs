using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen.Panels;

/// <summary>
/// The recent finished calls, newest first, with what each did to memory: peak RSS inside it, the heap's change
/// across it and, with <c>--allocations</c>, what it allocated. One line a call, 55 columns so that it fits beside the
/// list at 80 (the allocations take the peak RSS's place there); names longer than 20 are cut.
/// </summary>
public sealed class CallsPanel : IPanel
{
    private const int RecentCount = 30;
    private const int AllocatedWidth = 16;

    public string ShortName => "calls";

    public string Title(DashboardFrame frame) => "Recent calls";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows)
    {
        // A heap change reads "-" where the readings cannot tell: a GC ran during the call, or none came near it.
        var timeline = frame.Sources.Timeline;
        var calls = timeline.RecentBrackets(RecentCount).Reverse().Take(rows - 1).ToList();
        var allocated = calls.Any(c => c.Allocated is not null);
        var peak = !allocated || width >= 55 + 1 + AllocatedWidth;
        var lines = new List<(string, CellRole)> { (Row("at", "call", "time", peak ? "peak RSS" : null, "heap +/-", allocated ? "allocated" : null), CellRole.Muted) };
        // A call's figures cost a window slice: worked out only for the calls on the page.
        lines.AddRange(calls.Select(c =>
        {
            using var window = timeline.Window(c.T, c.End);
            var rss = window.Rss.Where(s => s.T >= c.T && s.T <= c.End).Select(s => s.Rss).ToList();
            return (Row($"{c.T:0.0}s", new string(' ', c.Depth * 2) + c.Name, $"{c.Duration:0.00}s",
                peak ? TextBlock.Megabytes(rss.Count > 0 ? rss.Max() : null) : null, Signed(window.HeapDelta(c)),
                allocated ? c.Allocated?.Text ?? "-" : null), CellRole.Label);
        }));
        return lines;
    }

    private static string Row(string at, string call, string time, string? peak, string heap, string? allocated) =>
        $"{at,7} {TextBlock.Cut(call, 20),-20} {time,6}" + (peak is null ? "" : $" {peak,9}") + $" {heap,9}" +
        (allocated is null ? "" : $" {allocated,AllocatedWidth}");

    private static string Signed(long? bytes) => bytes is { } b ? $"{(b >= 0 ? "+" : "")}{b / 1e6:0.0} MB" : "-";
}
