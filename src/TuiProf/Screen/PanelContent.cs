using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The lines of each bottom panel, newest first where it is a list.</summary>
public static class PanelContent
{
    public static string Title(BottomPanel panel, DashboardFrame frame) => panel switch
    {
        BottomPanel.LookFor => $"What to look for: {frame.LookFor.Subject}",
        BottomPanel.Gcs => "Recent GCs",
        BottomPanel.Calls => "Recent calls",
        _ => "Target output",
    };

    public static IReadOnlyList<(string Text, CellRole Role)> Lines(BottomPanel panel, DashboardFrame frame, int width, int rows) =>
        panel switch
        {
            BottomPanel.LookFor => TextBlock.Wrap(frame.LookFor.Text, width).Select(l => (l, CellRole.Label)).ToList(),
            BottomPanel.Gcs => Gcs(frame, rows),
            BottomPanel.Calls => Calls(frame, rows),
            _ => frame.Output.TakeLast(rows).Select(o => (o.Text, o.IsError ? CellRole.Alert : CellRole.Label)).ToList(),
        };

    private static List<(string, CellRole)> Gcs(DashboardFrame frame, int rows)
    {
        var lines = new List<(string, CellRole)> { ("     #  gen reason        pause    heap before -> after", CellRole.Muted) };
        lines.AddRange(frame.RecentGcs.Reverse().Take(rows - 1).Select(g =>
            ($"{g.Number,6}  {g.Generation,2}  {g.Reason,-12} {g.PauseMs,6:0.00}ms {TextBlock.Megabytes(g.HeapBefore),9} -> {TextBlock.Megabytes(g.HeapAfter)}",
                g.IsInduced ? CellRole.GcInduced : CellRole.Label)));
        return lines;
    }

    private static List<(string, CellRole)> Calls(DashboardFrame frame, int rows)
    {
        var lines = new List<(string, CellRole)> { ("  at     call                  time   peak RSS  heap delta", CellRole.Muted) };
        lines.AddRange(frame.RecentCalls.Reverse().Take(rows - 1).Select(c =>
            ($"{c.Bracket.T,6:0.0}s  {new string(' ', c.Bracket.Depth * 2)}{c.Bracket.Name,-20} {c.Bracket.Duration,5:0.00}s " +
             $"{TextBlock.Megabytes(c.PeakRss),9} {Signed(c.HeapDelta),10}", CellRole.Label)));
        return lines;
    }

    private static string Signed(long? bytes) => bytes is { } b ? $"{(b >= 0 ? "+" : "")}{b / 1e6:0.0} MB" : "-";
}
