namespace TuiProf.Core.Timeline;

/// <summary>
/// The finished calls of a timeline: the newest kept one by one; older ones, once there are more than that,
/// summarised per name per bucket of time (<see cref="CallTally"/>), so a busy day of calls stays bounded.
/// </summary>
internal sealed class CallHistory(int recent, BucketLevel tallies)
{
    private readonly RingBuffer<CallTally> _tallies = new(tallies.Count);
    private readonly Dictionary<string, CallTally> _open = []; // the bucket being summarised, by name
    private long _openBucket = long.MinValue;

    /// <summary>The newest calls, in the order they ended.</summary>
    public RingBuffer<Bracket> Recent { get; } = new(recent);

    public void Add(Bracket call)
    {
        if (Recent.IsFull) Summarise(Recent[0]);
        Recent.Add(call);
    }

    // Calls leave in the order they ended, so they are bucketed by their end, and buckets close in time order.
    private void Summarise(Bracket call)
    {
        var bucket = (long)Math.Floor(call.End / tallies.Seconds);
        if (bucket != _openBucket)
        {
            foreach (var tally in _open.Values.OrderBy(t => t.End)) _tallies.Add(tally);
            _open.Clear();
            _openBucket = bucket;
        }
        _open[call.Name] = _open.TryGetValue(call.Name, out var open) ? open.Then(call) : CallTally.Of(call);
    }

    public double? Oldest => new[]
    {
        _tallies.Count > 0 ? _tallies[0].T : (double?)null, _open.Count > 0 ? _open.Values.Min(t => t.T) : null,
        Recent.Count > 0 ? Recent[0].T : null,
    }.Min();

    /// <summary>The summarised calls that overlap two times.</summary>
    public List<CallTally> Tallies(double start, double end)
    {
        var inside = new List<CallTally>();
        for (var i = _tallies.LowerBound(t => t.End >= start); i < _tallies.Count; i++)
            if (_tallies[i].T <= end) inside.Add(_tallies[i]);
        inside.AddRange(_open.Values.Where(t => t.End >= start && t.T <= end));
        return inside;
    }
}
