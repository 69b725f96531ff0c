using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen;

/// <summary>The lines of each bottom panel, newest first where it is a list.</summary>
public static class PanelContent
{
    public static string Title(BottomPanel panel, DashboardFrame frame) => panel switch
    {
        BottomPanel.LookFor => $"What to look for: {frame.LookFor.Subject}",
        BottomPanel.Gcs => "Recent GCs",
        BottomPanel.Calls => "Recent calls",
        BottomPanel.Allocations => "Allocations by type (sampled every ~100 KB)",
        BottomPanel.Counters => "Counters (latest)",
        BottomPanel.Processes => "Processes ([ ] shows another)",
        BottomPanel.Heap => "Heap (s takes a snapshot)",
        _ => "Target output",
    };

    /// <summary>The panel's name in the help's list of what Tab cycles through.</summary>
    public static string ShortName(BottomPanel panel) => panel switch
    {
        BottomPanel.LookFor => "text",
        BottomPanel.Gcs => "GCs",
        BottomPanel.Calls => "calls",
        BottomPanel.Allocations => "allocs",
        BottomPanel.Counters => "counters",
        BottomPanel.Processes => "procs",
        BottomPanel.Heap => "heap",
        _ => "output",
    };

    public static IReadOnlyList<(string Text, CellRole Role)> Lines(BottomPanel panel, DashboardFrame frame, int width, int rows) =>
        panel switch
        {
            BottomPanel.LookFor => TextBlock.Wrap(frame.LookFor.Text, width).Select(l => (l, CellRole.Label)).ToList(),
            BottomPanel.Output => frame.Output.SelectMany(o => TextBlock.Wrap(o.Text, width).Select(l => (l, o.IsError ? CellRole.Alert : CellRole.Label))).ToList(),
            BottomPanel.Gcs => Gcs(frame, rows),
            BottomPanel.Calls => Calls(frame, rows),
            BottomPanel.Allocations => AllocationsAndCallSites(frame, width, rows),
            BottomPanel.Counters => frame.Stats.Counters.OrderBy(c => c.Key, StringComparer.Ordinal).Take(rows)
                .Select(c => ($"{CounterUnits.Format(c.Value),16}  {c.Key}", CellRole.Label)).ToList(),
            BottomPanel.Processes => Processes(frame),
            BottomPanel.Heap => Heap(frame, width),
            _ => [],
        };

    /// <summary>The tree as a list: profiled processes first-class, the others (resumed at once) muted.</summary>
    private static List<(string, CellRole)> Processes(DashboardFrame frame)
    {
        var lines = new List<(string, CellRole)> { ("     pid  parent  name             state", CellRole.Muted) };
        lines.AddRange(frame.Processes.Select(p =>
            ($"{(p.Shown ? ">" : " ")}{p.Pid,7} {p.Parent,7}  {TextBlock.Cut(p.Name, 16),-16} {(p.Alive ? "running" : "exited")}, " +
             (p.Followed ? "profiled" : "listed only"), p.Followed ? CellRole.Label : CellRole.Muted)));
        return lines;
    }

    /// <summary>What grew since the last snapshot (what leaks) and who holds the top grower first, then the snapshot.</summary>
    private static List<(string, CellRole)> Heap(DashboardFrame frame, int width)
    {
        if (frame.Heap is not { } heap)
            return [("Press s for a heap snapshot of the shown process: it runs one full GC (a marker on the graph) and", CellRole.Muted),
                    ("lists the live types by total size; a second one shows what grew, and the path from a root that keeps it.", CellRole.Muted)];
        var lines = new List<string>();
        if (heap.Diff is { } diff) lines.AddRange([.. HeapPanel.Diff(diff, 3, width), ""]);
        if (heap.Paths is { } paths) lines.AddRange([.. HeapPanel.Paths(paths, width), ""]);
        lines.AddRange(HeapPanel.Snapshot(heap.Snapshot, $"{heap.T:0.0} s", 8, width));
        return lines.Select(l => (l, CellRole.Label)).ToList();
    }

    private static List<(string, CellRole)> Gcs(DashboardFrame frame, int rows)
    {
        var lines = new List<(string, CellRole)> { ("     #  gen reason        pause    heap before -> after", CellRole.Muted) };
        lines.AddRange(frame.RecentGcs.Reverse().Take(rows - 1).Select(g =>
            ($"{g.Number,6}  {g.Generation,2}  {g.Reason,-12} {g.PauseMs,6:0.00}ms {TextBlock.Megabytes(g.HeapBefore),9} -> {TextBlock.Megabytes(g.HeapAfter)}",
                g.IsInduced ? CellRole.GcInduced : CellRole.Label)));
        return lines;
    }

    /// <summary>One line a call, 55 columns so that it fits beside the list at 80; names longer than 20 are cut.</summary>
    private static List<(string, CellRole)> Calls(DashboardFrame frame, int rows)
    {
        // A heap change reads "-" where the readings cannot tell: a GC ran during the call, or none came near it.
        var lines = new List<(string, CellRole)> { ($"{"at",7} {"call",-20} {"time",6} {"peak RSS",9} {"heap +/-",9}", CellRole.Muted) };
        lines.AddRange(frame.RecentCalls.Reverse().Take(rows - 1).Select(c =>
            ($"{c.Bracket.T,6:0.0}s {TextBlock.Cut(new string(' ', c.Bracket.Depth * 2) + c.Bracket.Name, 20),-20} {c.Bracket.Duration,5:0.00}s " +
             $"{TextBlock.Megabytes(c.PeakRss),9} {Signed(c.HeapDelta),9}", CellRole.Label)));
        return lines;
    }

    /// <summary>The session's top types, then, if room is left, the last call's own.</summary>
    private static List<(string, CellRole)> Allocations(DashboardFrame frame, int rows)
    {
        if (frame.Allocations.Count == 0) return [("no allocation samples (start tuiprof with --allocations)", CellRole.Muted)];
        var call = frame.LastCallAllocations is { Types.Count: > 0 } c ? c : null;
        var sessionRows = call is null ? rows - 1 : Math.Max(2, (rows - 2) / 2);
        var lines = new List<(string, CellRole)> { ("whole session", CellRole.Muted) };
        lines.AddRange(frame.Allocations.Take(sessionRows).Select(Line));
        if (call is not null && lines.Count + 2 <= rows)
        {
            lines.Add(($"last call: {call.Call.Name} at {call.Call.T:0.0}s", CellRole.Muted));
            lines.AddRange(call.Types.Take(rows - lines.Count).Select(Line));
        }
        return lines;
    }

    /// <summary>
    /// The types fill the first page and the call sites, once there are some, begin the next (PgDn) with their title:
    /// where the types ended mid-page, the title could end one page and the top site begin the next.
    /// </summary>
    private static List<(string, CellRole)> AllocationsAndCallSites(DashboardFrame frame, int width, int rows)
    {
        var lines = Allocations(frame, rows);
        if (frame.CallSites.Count > 0) lines.AddRange(Enumerable.Repeat(("", CellRole.Muted), Math.Max(0, rows - lines.Count)));
        lines.AddRange(CallSites(frame, width));
        return lines;
    }

    /// <summary>Under the types (PgDn), who allocated them: the top call sites in view, from the sampled stacks.</summary>
    private static IEnumerable<(string, CellRole)> CallSites(DashboardFrame frame, int width) =>
        frame.Allocations.Count == 0 ? []
        : frame.CallSites.Count == 0 ? [("no call sites in view (they are sampled with --call-sites)", CellRole.Muted)]
            : AllocationSitePanel.Lines("call sites in view (type <- method)", frame.CallSites, width).Select(l => (l, CellRole.Label));

    private static (string, CellRole) Line(TypeAllocation type) => ($"{TextBlock.Megabytes(type.Bytes),10}  {type.TypeName}", CellRole.Label);

    private static string Signed(long? bytes) => bytes is { } b ? $"{(b >= 0 ? "+" : "")}{b / 1e6:0.0} MB" : "-";
}
