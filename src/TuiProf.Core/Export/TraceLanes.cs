namespace TuiProf.Core.Export;

/// <summary>
/// Spans laid on a track so that each lane nests: a trace viewer draws the complete events of one track as a stack,
/// and a span that overlaps another without being inside it (async calls that ended on the same thread, a gen-0 GC
/// that outlasts the background GC it started in) would break the stack. Such spans go to extra lanes beside the
/// track; lane 0 is the track itself.
/// </summary>
public static class TraceLanes
{
    /// <summary>The lane of each span, in the order given.</summary>
    public static IReadOnlyList<int> Assign(IReadOnlyList<(double Start, double End)> spans)
    {
        var lanes = new List<Stack<double>>(); // per lane, the ends of the spans still open
        var assigned = new int[spans.Count];
        // Outer spans first: by start, and the longer of two that start together.
        foreach (var i in Enumerable.Range(0, spans.Count).OrderBy(i => spans[i].Start).ThenByDescending(i => spans[i].End))
        {
            var (start, end) = spans[i];
            var lane = 0;
            for (; lane < lanes.Count; lane++)
            {
                var open = lanes[lane];
                while (open.Count > 0 && open.Peek() <= start) open.Pop();
                if (open.Count == 0 || end <= open.Peek()) break;
            }
            if (lane == lanes.Count) lanes.Add(new Stack<double>());
            lanes[lane].Push(end);
            assigned[i] = lane;
        }
        return assigned;
    }
}
