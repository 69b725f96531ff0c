using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// The calls of one name in view: how many, how long (median and 95th percentile of the calls kept whole; the mean
/// of all, with those older ones only counted, see <see cref="CallTally"/>) and what they did to the GC heap (the
/// median of the calls whose change the readings can tell, see <see cref="TimelineWindow.HeapDelta"/>), and with
/// <c>--allocations</c> what they allocated (the mean of the calls that have a figure, with its bound).
/// <see cref="Style"/> is the line and colour the name is drawn with.
/// </summary>
public sealed record CallSummary(string Name, int Style, int Count, double? P50, double? P95, long? HeapPerCall,
    CallAllocation? AllocatedPerCall = null)
{
    public double MeanSeconds { get; init; }

    /// <summary>One summary a name, styled in order of first appearance, so the first name in view is always the first style.</summary>
    public static IReadOnlyList<CallSummary> Of(TimelineWindow window)
    {
        var whole = window.Brackets.ToLookup(b => b.Name);
        var tallied = window.CallTallies.ToLookup(t => t.Name);
        return whole.Select(g => (Name: g.Key, First: g.Min(b => b.T)))
            .Concat(tallied.Select(g => (Name: g.Key, First: g.Min(t => t.T))))
            .GroupBy(n => n.Name, n => n.First)
            .OrderBy(g => g.Min())
            .Select((g, i) => Of(window, g.Key, i, whole[g.Key], tallied[g.Key]))
            .ToList();
    }

    private static CallSummary Of(TimelineWindow window, string name, int style, IEnumerable<Bracket> calls, IEnumerable<CallTally> tallies)
    {
        var durations = calls.Select(b => b.Duration).Order().ToList();
        var deltas = calls.Select(window.HeapDelta).OfType<long>().Order().ToList();
        var count = durations.Count + tallies.Sum(t => t.Count);
        return new CallSummary(name, style, count, Percentile(durations, 0.5), Percentile(durations, 0.95),
            deltas.Count > 0 ? deltas[deltas.Count / 2] : null,
            CallAllocation.MeanOf(calls.Select(b => b.Allocated).OfType<CallAllocation>().ToList()))
        {
            MeanSeconds = (durations.Sum() + tallies.Sum(t => t.TotalSeconds)) / count,
        };
    }

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
