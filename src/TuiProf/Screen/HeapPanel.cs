using System.Globalization;
using TuiProf.Core.Heap;
using TuiProf.Core.Text;

namespace TuiProf.Screen;

/// <summary>
/// A heap snapshot, a diff of two and the paths that keep a type alive, as text lines cut to a width: the heap view
/// of the live screen and the output of <c>tuiprof heap</c>. Plain ASCII, so it reads the same under LANG=C.
/// </summary>
public static class HeapPanel
{
    public static IReadOnlyList<string> Snapshot(HeapSnapshot snapshot, string when, int top, int width)
    {
        var c = snapshot.Cost;
        List<string> lines =
        [
            $"heap at {when}: {snapshot.ObjectCount:N0} objects, {ByteSize.Text(snapshot.TotalBytes)}" +
            (snapshot.Incomplete is { } why ? $" (INCOMPLETE: {why})" : ""),
            $"cost: forced GC #{c.GcNumber} paused the target {c.PauseMs:0.#} ms; dump {c.DumpSeconds:0.00} s, " +
            $"analysis {c.AnalysisSeconds:0.00} s",
            $"{"objects",10} {"total",10} {"retained",10}  type",
        ];
        lines.AddRange(snapshot.Types.Take(top).Select(t =>
            $"{t.Count,10:N0} {ByteSize.Text(t.Bytes),10} {ByteSize.Text(t.Retained),10}  {t.Name}"));
        if (snapshot.Handlers.Count > 0)
            lines.Add($"event handlers whose targets keep {ByteSize.Text(HandlerGroup.MinRetained)} or more alive:");
        lines.AddRange(snapshot.Handlers.Select(h =>
            $"{h.Handlers,10:N0} {h.DelegateType} -> {h.Targets:N0} {h.TargetType}: {ByteSize.Text(h.TargetsRetained)}"));
        return Cut(lines, width);
    }

    public static IReadOnlyList<string> Diff(HeapDiff diff, int top, int width)
    {
        var bytes = diff.After.TotalBytes - diff.Before.TotalBytes;
        var objects = diff.After.ObjectCount - diff.Before.ObjectCount;
        List<string> lines =
        [
            $"grew over {diff.Seconds:0.0} s: {Signed(bytes)}, {objects:+#,0;-#,0;0} objects",
            $"{"objects",10} {"bytes",10} {"each",10}  type",
        ];
        lines.AddRange(diff.Types.Take(top).Select(t =>
            $"{t.CountDelta,10:+#,0;-#,0;0} {Signed(t.BytesDelta),10} {Each(t),10}  {t.Name}"));
        return Cut(lines, width);
    }

    /// <summary>Each path: how many of the sampled instances it holds and their size, its root, then one hop a line.</summary>
    public static IReadOnlyList<string> Paths(RetentionReport report, int width)
    {
        var lines = new List<string>
        {
            $"what keeps {report.TypeName} alive ({report.InstanceCount:N0} instances" +
            (report.Sampled < report.InstanceCount ? $", {report.Sampled:N0} sampled)" : ")"),
        };
        foreach (var path in report.Paths)
        {
            lines.Add($"{path.Instances,6:N0} ({ByteSize.Text(path.Bytes)}) via {path.Root}");
            lines.AddRange(path.Hops.Select(h => $"         -> {h.TypeName}{(h.Repeat > 1 ? $" x{h.Repeat:N0}" : "")}"));
        }
        return Cut(lines, width);
    }

    private static string Signed(long bytes) => (bytes > 0 ? "+" : "") + ByteSize.Text(bytes);

    /// <summary>The average size of the objects a type gained: 2.0 MB for the leak's buffers.</summary>
    private static string Each(TypeGrowth t) => t.CountDelta > 0 && t.BytesDelta > 0 ? ByteSize.Text(t.BytesDelta / t.CountDelta) : "";

    private static List<string> Cut(List<string> lines, int width) => lines.Select(l => Cut(l, width)).ToList();

    /// <summary>The line as shown (type names are the target's: see <see cref="SafeText"/>), cut to the width.</summary>
    public static string Cut(string line, int width)
    {
        line = SafeText.Of(line);
        return line.Length <= width ? line : line[..Math.Max(0, width)];
    }
}
