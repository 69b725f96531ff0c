namespace TuiProf.Core.Timeline;

/// <summary>Bytes allocated by one type, as estimated from allocation samples.</summary>
public sealed record TypeAllocation(string TypeName, long Bytes);

/// <summary>
/// Allocation samples summed by type: for the whole session (exact over every sample) and for any span still in the
/// bounded buffer (a call's own allocations). Not thread-safe: the timeline holds it under its lock.
/// </summary>
internal sealed class AllocationTally(int capacity)
{
    private const int MaxTypes = 10_000; // a bound on memory, far above the types any real program allocates
    private readonly RingBuffer<AllocationSample> _samples = new(capacity);
    private readonly Dictionary<string, long> _totals = [];

    public void Add(AllocationSample sample)
    {
        _samples.Add(sample);
        if (_totals.ContainsKey(sample.TypeName) || _totals.Count < MaxTypes)
            _totals[sample.TypeName] = _totals.GetValueOrDefault(sample.TypeName) + sample.Bytes;
    }

    public IReadOnlyList<TypeAllocation> Top(int count) => Largest(_totals, count);

    public IReadOnlyList<TypeAllocation> Top(double start, double end, int count)
    {
        var totals = new Dictionary<string, long>();
        for (var i = _samples.LowerBound(s => s.T >= start); i < _samples.Count && _samples[i].T <= end; i++)
            totals[_samples[i].TypeName] = totals.GetValueOrDefault(_samples[i].TypeName) + _samples[i].Bytes;
        return Largest(totals, count);
    }

    private static List<TypeAllocation> Largest(Dictionary<string, long> totals, int count) =>
        totals.OrderByDescending(t => t.Value).Take(count).Select(t => new TypeAllocation(t.Key, t.Value)).ToList();
}
