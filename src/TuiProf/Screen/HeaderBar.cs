using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The top two rows: what is profiled and its state, then the running totals.</summary>
public static class HeaderBar
{
    public static void Draw(CellGrid grid, DashboardFrame frame)
    {
        var span = Math.Round(frame.Window.Span, 3);
        var zoom = AxisScale.Seconds(span, span); // as the time axis labels it: 0.5s, 5s, 10m, 24h
        var mode = frame.Live ? $"LIVE {zoom}" : $"PAUSED at {frame.Window.End:0.0}s, {zoom}";
        grid.Fill(0, 0, grid.Width, 1, ' ', CellRole.Title);
        // A long command line is cut, never the status after it.
        var room = Math.Max(4, grid.Width - mode.Length - frame.Status.Length - " TuiProf    ".Length - 2);
        var target = TextBlock.Cut(frame.Target, room);
        grid.Text(0, 0, TextBlock.Fit($" TuiProf  {target}  {frame.Status}", grid.Width - mode.Length - 2), CellRole.Title); // a space before the mode
        grid.Text(grid.Width - mode.Length - 1, 0, mode, frame.Live ? CellRole.Title : CellRole.Alert);
        grid.Text(0, 1, TextBlock.Fit(" " + StatsLine(frame, grid.Width - 1), grid.Width), CellRole.Label);
    }

    /// <summary>
    /// The running totals that fit in <paramref name="width"/>: peaks and pause totals are shortened or dropped
    /// before the current sizes, GC counts, time in GC and allocation rate.
    /// </summary>
    public static string StatsLine(DashboardFrame frame, int width = int.MaxValue)
    {
        var s = frame.Stats;
        var counts = s.GcCountByGeneration;
        // Time in GC from the pauses in view: the runtime's own counter is a stale ratio since its last GC.
        var gcTime = frame.Window.InGcPercent() is { } t ? $"in GC {t:0.0}%" : null;
        var alloc = s.Counters.TryGetValue("alloc-rate", out var a) ? $"alloc {a.Value / 1e6:0.0} MB/s" : null;
        string?[][] variants =
        [
            [$"RSS {TextBlock.Megabytes(s.Rss)} (pk {s.PeakRss / 1e6:0.0})", $"heap {TextBlock.Megabytes(s.Heap)} (pk {s.PeakHeap / 1e6:0.0})",
             $"GCs {counts[0]}/{counts[1]}/{counts[2]}, {s.InducedGcCount} induced", $"pauses {s.TotalPauseMs:0.0} ms", gcTime, alloc],
            [$"RSS {TextBlock.Megabytes(s.Rss)}", $"heap {TextBlock.Megabytes(s.Heap)}",
             $"GCs {counts[0]}/{counts[1]}/{counts[2]} ({s.InducedGcCount} ind)", gcTime, alloc],
        ];
        var lines = variants.Select(v => string.Join("  ", v.Where(x => x is not null))).ToList();
        return lines.FirstOrDefault(l => l.Length <= width) ?? lines[^1];
    }
}
