using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Benchmarks;

/// <summary>
/// A process's own allocation rate, read by attaching to it with TuiProf.Core: the runtime's alloc-rate counter
/// every second. The same probe on every tool measured, so each pays the same for being watched.
/// </summary>
public static class AllocationProbe
{
    private static readonly CounterId AllocRate = CounterId.Runtime("alloc-rate");

    /// <summary>MB (10^6 bytes) allocated a second over the span, the first reading (partly before the span) left out.</summary>
    public static async Task<double> MegabytesPerSecondAsync(int pid, TimeSpan span)
    {
        var readings = new List<double>();
        // No RSS sampling: only the counters are wanted, and sampling would cost this process, not the tool.
        await using var session = await ProfilingSession.StartAsync(new AttachedTarget(pid),
            new SessionOptions { CounterInterval = TimeSpan.FromSeconds(1), SamplePeriod = null });
        using var stop = new CancellationTokenSource(span);
        try
        {
            await foreach (var e in session.Events.ReadAllAsync(stop.Token))
                if (e is CounterReading r && r.Counter.Key == AllocRate.Key) readings.Add(r.Value);
        }
        catch (OperationCanceledException) { /* the span is over */ }
        return readings.Count > 1 ? readings.Skip(1).Average() / 1e6 : double.NaN;
    }
}
