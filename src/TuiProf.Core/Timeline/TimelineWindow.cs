namespace TuiProf.Core.Timeline;

/// <summary>
/// An immutable slice of a timeline, from <see cref="Start"/> to <see cref="End"/> seconds: what a chart draws.
/// Open brackets are included with their end set to the window's end.
/// </summary>
public sealed record TimelineWindow(
    double Start,
    double End,
    IReadOnlyList<MemorySample> Rss,
    IReadOnlyList<MemorySample> Heap,
    IReadOnlyList<GcEvent> Gcs,
    IReadOnlyList<Bracket> Brackets) : IDisposable
{
    private Action? _release;

    public double Span => End - Start;

    /// <summary>
    /// The RSS readings older than the full-rate ones in <see cref="Rss"/>, summarised (none for a recording); in
    /// time order, one either side of the window kept.
    /// </summary>
    public IReadOnlyList<MemoryRange> OlderRss { get; init; } = [];

    /// <summary>The heap's, as <see cref="OlderRss"/>; ordered by their last readings.</summary>
    public IReadOnlyList<MemoryRange> OlderHeap { get; init; } = [];

    /// <summary>The gen-0 and gen-1 GCs older than the ones in <see cref="Gcs"/>, counted (gen-2 and induced are all in <see cref="Gcs"/>).</summary>
    public IReadOnlyList<GcTally> CountedGcs { get; init; } = [];

    /// <summary>The calls older than the ones in <see cref="Brackets"/>, summarised per name and minute.</summary>
    public IReadOnlyList<CallTally> CallTallies { get; init; } = [];

    /// <summary>Gives pooled lists back (see <see cref="Timeline.Window"/>); the window must not be read after.</summary>
    internal Action? Release { init => _release = value; }

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();

    /// <summary>
    /// The share of the window's time the target spent paused by GCs, from the pauses seen in it: the runtime's
    /// time-in-gc counter is a ratio since its last GC, and reads 13 % with no GC on screen or 0 % during one.
    /// Null until there is time to divide by.
    /// </summary>
    public double? InGcPercent()
    {
        IEnumerable<double> firsts = [.. Rss.Take(1).Select(s => s.T), .. Heap.Take(1).Select(s => s.T),
            .. OlderRss.Take(1).Select(r => r.T), .. OlderHeap.Take(1).Select(r => r.T)];
        var first = Math.Max(Start, firsts.DefaultIfEmpty(End).Min());
        var last = Math.Min(End, Math.Max(Rss.LastOrDefault()?.T ?? Start, Heap.LastOrDefault()?.T ?? Start));
        if (last - first <= 0) return null;
        var paused = (Gcs.Where(g => g.T >= first && g.T <= last).Sum(g => g.PauseMs) +
            CountedGcs.Where(c => c.T >= first && c.End <= last).Sum(c => c.PauseMs)) / 1000;
        return Math.Min(100, paused / (last - first) * 100);
    }

    /// <summary>
    /// How much the GC heap grew across a call, or null where the readings cannot tell: a GC ran between the
    /// readings around the call (its reclaim would be counted as the call's), or those readings lie so far outside
    /// the call that other work would be counted with it.
    /// </summary>
    public long? HeapDelta(Bracket call)
    {
        // Binary searches, the lists being in time order: a busy hour is 20 000 calls over 150 000 heap points.
        var slack = Math.Max(0.02, call.Duration / 4);
        var next = Ordered.FirstIndex(Heap.Count, i => Heap[i].T > call.T);
        var at = Ordered.FirstIndex(Heap.Count, i => Heap[i].T >= call.End);
        if (next == 0 || at == Heap.Count) return null;
        var (before, after) = (Heap[next - 1], Heap[at]);
        if (call.T - before.T > slack || after.T - call.End > slack) return null;
        var gc = Ordered.FirstIndex(Gcs.Count, i => Gcs[i].T >= before.T);
        if (gc < Gcs.Count && Gcs[gc].T <= after.T) return null;
        // Another call that ended after the reading before, or began before the reading after, has its own work in
        // them: calls back to back that each allocate as they begin read as two calls' worth each (leak: 4 MB a call
        // of 2). Neither can be the call's own family: its callers began before it and end after it, its callees
        // lie within it.
        var calls = CallBounds();
        if (call.Duration <= 0 || Count(calls.Ends, before.T, call.T) > 0 || Count(calls.Starts, call.End, after.T, fromIncluded: true) > 0)
            return null;
        return after.Heap - before.Heap;
    }

    private CallTimes? _callTimes;

    /// <summary>Every call's start and end, each in order, for <see cref="HeapDelta"/>'s searches (once a window).</summary>
    private CallTimes CallBounds()
    {
        if (_callTimes is { } known && ReferenceEquals(known.Of, Brackets)) return known;
        var (starts, ends) = (Brackets.Select(b => b.T).ToArray(), Brackets.Select(b => b.End).ToArray());
        Array.Sort(starts);
        Array.Sort(ends);
        return _callTimes = new CallTimes(Brackets, starts, ends);
    }

    private sealed record CallTimes(IReadOnlyList<Bracket> Of, double[] Starts, double[] Ends);

    /// <summary>How many of the ordered <paramref name="times"/> lie in (from, to], or with <paramref name="fromIncluded"/> in [from, to).</summary>
    private static int Count(double[] times, double from, double to, bool fromIncluded = false) =>
        Ordered.FirstIndex(times.Length, i => fromIncluded ? times[i] >= to : times[i] > to) -
        Ordered.FirstIndex(times.Length, i => fromIncluded ? times[i] >= from : times[i] > from);

    /// <summary>Builds a window of a whole recording, or of the part between two times, from loose events.</summary>
    public static TimelineWindow From(IEnumerable<TimelineEvent> events, double? start = null, double? end = null)
    {
        var list = events as IReadOnlyCollection<TimelineEvent> ?? events.ToList();
        var from = start ?? 0;
        var to = end ?? (list.Count == 0 ? 0 : list.Max(e => e is Bracket b ? b.End : e.T));
        bool Inside(double t) => t >= from && t <= to;
        var samples = list.OfType<MemorySample>().Where(s => Inside(s.T)).OrderBy(s => s.T).ToList();
        return new TimelineWindow(
            from,
            to,
            samples.Where(s => s.Rss is not null).ToList(),
            HeapSeries.Of(samples),
            list.OfType<GcEvent>().Where(g => Inside(g.T)).OrderBy(g => g.T).ToList(),
            list.OfType<Bracket>().Where(b => b.End >= from && b.T <= to).OrderBy(b => b.T).ToList());
    }
}
