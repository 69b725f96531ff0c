using TuiProf.Core.Rendering;

namespace TuiProf.Screen.Panels;

/// <summary>The recent GCs, newest first, induced ones marked; on wide screens a column of its own.</summary>
public sealed class GcsPanel : IPanel
{
    private const int RecentCount = 30;

    public string ShortName => "GCs";

    public string Title(DashboardFrame frame) => "Recent GCs";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows)
    {
        var lines = new List<(string, CellRole)> { ("     #  gen reason        pause    heap before -> after", CellRole.Muted) };
        lines.AddRange(frame.Sources.Timeline.RecentGcs(RecentCount).Reverse().Take(rows - 1).Select(g =>
            ($"{g.Number,6}  {g.Generation,2}  {g.Reason,-12} {g.PauseMs,6:0.00}ms {TextBlock.Megabytes(g.HeapBefore),9} -> {TextBlock.Megabytes(g.HeapAfter)}",
                g.IsInduced ? CellRole.GcInduced : CellRole.Label)));
        return lines;
    }
}
