using TuiProf.Core.Timeline;

namespace TuiProf.Core.Rendering;

/// <summary>
/// The calls of one name in view: how many, how long (median and 95th percentile) and what they did to the GC heap
/// (the median of the calls whose change the readings can tell, see <see cref="TimelineWindow.HeapDelta"/>), and with
/// <c>--allocations</c> what they allocated (the mean of the calls that have a figure, with its bound).
/// <see cref="Style"/> is the line and colour the name is drawn with.
/// </summary>
public sealed record CallSummary(string Name, int Style, int Count, double P50, double P95, long? HeapPerCall,
    CallAllocation? AllocatedPerCall = null)
{
    /// <summary>One summary a name, styled in order of first appearance, so the first name in view is always the first style.</summary>
    public static IReadOnlyList<CallSummary> Of(TimelineWindow window) =>
        window.Brackets.GroupBy(b => b.Name)
            .OrderBy(g => g.Min(b => b.T))
            .Select((g, i) =>
            {
                var durations = g.Select(b => b.Duration).Order().ToList();
                var deltas = g.Select(window.HeapDelta).OfType<long>().Order().ToList();
                return new CallSummary(g.Key, i, durations.Count, Percentile(durations, 0.5), Percentile(durations, 0.95),
                    deltas.Count > 0 ? deltas[deltas.Count / 2] : null,
                    CallAllocation.MeanOf(g.Select(b => b.Allocated).OfType<CallAllocation>().ToList()));
            })
            .ToList();

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
