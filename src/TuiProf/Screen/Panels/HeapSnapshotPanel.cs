using TuiProf.Core.Heap;
using TuiProf.Core.Rendering;
using TuiProf.Core.Text;

namespace TuiProf.Screen.Panels;

/// <summary>
/// The last heap snapshot: what grew since the one before (what leaks) and who holds the top grower first, then the
/// snapshot's types; before any, how to take one.
/// </summary>
public sealed class HeapSnapshotPanel : IPanel
{
    public string ShortName => "heap";

    public string Title(DashboardFrame frame) => "Heap (s: snapshot, l: leak suspects)";

    private const string HowTo = "Press s for a heap snapshot of the shown process: it runs one full GC (a marker on the graph) " +
                                 "and lists the live types by total size; a second one shows what grew, and the path from a root that keeps it.";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows)
    {
        if (frame.Sources.Heap is not { } heap)
            return TextBlock.Wrap(HowTo, width).Select(l => (l, CellRole.Muted)).ToList(); // at 80 columns its middle was cut
        var lines = new List<string>();
        if (heap.Series.Count >= HeapFindings.SuspectsFrom) lines.AddRange([.. Suspects(heap, width), ""]);
        if (heap.Diff is { } diff) lines.AddRange([.. HeapPanel.Diff(diff, 3, width), ""]);
        if (heap.Paths is { } paths) lines.AddRange([.. HeapPanel.Paths(paths, width), ""]);
        lines.AddRange(HeapPanel.Snapshot(heap.Snapshot, $"{heap.T:0.0} s", 8, width));
        return lines.Select(l => (l, CellRole.Label)).ToList();
    }

    /// <summary>The types that grew in every interval of the snapshots so far, each on its line and the path under it.</summary>
    private static IEnumerable<string> Suspects(HeapFindings heap, int width)
    {
        var seconds = (heap.Series[^1].TakenAtUtc - heap.Series[0].TakenAtUtc).TotalSeconds;
        if (heap.Suspects.Count == 0)
        {
            yield return HeapPanel.Cut($"no leak suspects over {heap.Series.Count} snapshots in {seconds:0} s: nothing grew in every interval", width);
            yield break;
        }
        yield return HeapPanel.Cut($"leak suspects over {heap.Series.Count} snapshots in {seconds:0} s (grew in every interval):", width);
        foreach (var suspect in heap.Suspects)
        {
            yield return HeapPanel.Cut($"{ByteSize.Text((long)suspect.BytesPerMinute),10}/min  {suspect.Type}", width);
            if (suspect.PathText is { } path) yield return HeapPanel.Cut($"    held by {path}", width);
        }
    }
}
