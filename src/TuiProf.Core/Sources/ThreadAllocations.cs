using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// Allocation estimates summed per thread as the samples arrive, so that a call's own is what its thread allocated
/// between its start and its stop (calls nested in it included). EventPipe keeps each thread's events in order, so
/// every sample of a call comes between the two. A call that stopped on another thread than it started on (an
/// <c>await</c> that resumed elsewhere) gets none: its allocations are spread over threads that others share.
/// Used on its session's thread only; bounded by the open spans it is told of.
/// </summary>
public sealed class ThreadAllocations
{
    private readonly Dictionary<int, Tally> _byThread = [];
    private readonly Dictionary<string, (int Thread, Tally At)> _started = new(StringComparer.Ordinal);

    /// <summary>One sample on <paramref name="thread"/>: the bytes it stands for, and the variance of that figure (null: a biased tick).</summary>
    public void Add(int thread, double bytes, double? variance)
    {
        var tally = _byThread.GetValueOrDefault(thread);
        _byThread[thread] = new Tally(tally.Bytes + bytes, tally.Variance + (variance ?? 0), tally.Biased || variance is null);
    }

    public void Started(string spanId, int thread) => _started[spanId] = (thread, _byThread.GetValueOrDefault(thread));

    /// <summary>What the span allocated; null when it began before we came or stopped on another thread.</summary>
    public CallAllocation? Stopped(string spanId, int thread)
    {
        if (!_started.Remove(spanId, out var start) || start.Thread != thread) return null;
        var now = _byThread.GetValueOrDefault(thread);
        // Few samples understate the spread (none gives none): the bound is never less than what can go unseen.
        var spread = CallAllocation.Deviations * Math.Sqrt(Math.Max(0, now.Variance - start.At.Variance));
        return new CallAllocation((long)Math.Round(now.Bytes - start.At.Bytes),
            now.Biased ? null : (long)Math.Ceiling(Math.Max(spread, AllocationSampling.UnseenBytes)));
    }

    private readonly record struct Tally(double Bytes, double Variance, bool Biased);
}
