using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen.Panels;

/// <summary>
/// The recent finished calls, newest first, with what each did to memory: peak RSS inside it and the heap's change
/// across it. One line a call, 55 columns so that it fits beside the list at 80; names longer than 20 are cut.
/// </summary>
public sealed class CallsPanel : IPanel
{
    private const int RecentCount = 30;

    public string ShortName => "calls";

    public string Title(DashboardFrame frame) => "Recent calls";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows)
    {
        // A heap change reads "-" where the readings cannot tell: a GC ran during the call, or none came near it.
        var timeline = frame.Sources.Timeline;
        var lines = new List<(string, CellRole)> { ($"{"at",7} {"call",-20} {"time",6} {"peak RSS",9} {"heap +/-",9}", CellRole.Muted) };
        // A call's figures cost a window slice: worked out only for the calls on the page.
        lines.AddRange(timeline.RecentBrackets(RecentCount).Reverse().Take(rows - 1).Select(c =>
            ($"{c.T,6:0.0}s {TextBlock.Cut(new string(' ', c.Depth * 2) + c.Name, 20),-20} {c.Duration,5:0.00}s " +
             $"{Figures(timeline, c)}", CellRole.Label)));
        return lines;
    }

    private static string Figures(Timeline timeline, Bracket call)
    {
        using var window = timeline.Window(call.T, call.End);
        var inside = window.Rss.Where(s => s.T >= call.T && s.T <= call.End).ToList();
        var peak = inside.Count > 0 ? inside.Max(s => s.Rss) : null;
        return $"{TextBlock.Megabytes(peak),9} {Signed(window.HeapDelta(call)),9}";
    }

    private static string Signed(long? bytes) => bytes is { } b ? $"{(b >= 0 ? "+" : "")}{b / 1e6:0.0} MB" : "-";
}
