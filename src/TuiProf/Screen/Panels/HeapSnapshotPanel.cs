using TuiProf.Core.Rendering;

namespace TuiProf.Screen.Panels;

/// <summary>
/// The last heap snapshot: what grew since the one before (what leaks) and who holds the top grower first, then the
/// snapshot's types; before any, how to take one.
/// </summary>
public sealed class HeapSnapshotPanel : IPanel
{
    public string ShortName => "heap";

    public string Title(DashboardFrame frame) => "Heap (s takes a snapshot)";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows)
    {
        if (frame.Sources.Heap is not { } heap)
            return [("Press s for a heap snapshot of the shown process: it runs one full GC (a marker on the graph) and", CellRole.Muted),
                    ("lists the live types by total size; a second one shows what grew, and the path from a root that keeps it.", CellRole.Muted)];
        var lines = new List<string>();
        if (heap.Diff is { } diff) lines.AddRange([.. HeapPanel.Diff(diff, 3, width), ""]);
        if (heap.Paths is { } paths) lines.AddRange([.. HeapPanel.Paths(paths, width), ""]);
        lines.AddRange(HeapPanel.Snapshot(heap.Snapshot, $"{heap.T:0.0} s", 8, width));
        return lines.Select(l => (l, CellRole.Label)).ToList();
    }
}
