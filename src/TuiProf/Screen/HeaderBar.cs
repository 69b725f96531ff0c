using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The top two rows: what is profiled and its state, then the running totals.</summary>
public static class HeaderBar
{
    public static void Draw(CellGrid grid, DashboardFrame frame)
    {
        var mode = frame.Live ? $"LIVE {frame.Window.Span:0}s" : $"PAUSED at {frame.Window.End:0.0}s, {frame.Window.Span:0}s";
        grid.Fill(0, 0, grid.Width, 1, ' ', CellRole.Title);
        grid.Text(0, 0, TextBlock.Fit($" TuiProf  {frame.Target}  {frame.Status}", grid.Width - mode.Length - 1), CellRole.Title);
        grid.Text(grid.Width - mode.Length - 1, 0, mode, frame.Live ? CellRole.Title : CellRole.Alert);
        grid.Text(0, 1, TextBlock.Fit(" " + StatsLine(frame), grid.Width), CellRole.Label);
    }

    public static string StatsLine(DashboardFrame frame)
    {
        var s = frame.Stats;
        var counts = s.GcCountByGeneration;
        var line = $"RSS {TextBlock.Megabytes(s.Rss)} (pk {s.PeakRss / 1e6:0.0})  heap {TextBlock.Megabytes(s.Heap)} " +
                   $"(pk {s.PeakHeap / 1e6:0.0})  GCs {counts[0]}/{counts[1]}/{counts[2]}, {s.InducedGcCount} induced  " +
                   $"pauses {s.TotalPauseMs:0.0} ms";
        if (s.Counters.TryGetValue("time-in-gc", out var gcTime)) line += $"  in GC {gcTime:0.0}%";
        if (s.Counters.TryGetValue("alloc-rate", out var alloc)) line += $"  alloc {alloc / 1e6:0.0} MB/s";
        return line;
    }
}
