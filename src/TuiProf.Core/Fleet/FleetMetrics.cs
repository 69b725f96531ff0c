using System.Collections.Concurrent;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Fleet;

/// <summary>
/// The metrics of every exported process (a host watch's, or record's target), for scrapes: each of its events goes
/// to <see cref="Observe"/>. A process is served from its first event on; once it has ended it is served until a scrape at least
/// <see cref="FinalScrapeAfter"/> past its end, so that the events its runtime flushed as it exited reach the
/// scraper, and then its series stop (no value of a gone process passes for a live one).
/// </summary>
public sealed class FleetMetrics(TimeSpan counterInterval, TimeProvider clock)
{
    /// <summary>A scrape this long after a process's end serves its final values for the last time.</summary>
    public static readonly TimeSpan FinalScrapeAfter = TimeSpan.FromSeconds(1);

    /// <summary>Without scrapes, an ended process is forgotten after this long all the same.</summary>
    public static readonly TimeSpan ForgetUnscrapedAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<ExportedProcess, ProcessMetrics> _processes = new();

    public void Observe(ExportedProcess process, TimelineEvent e)
    {
        if (!_processes.TryGetValue(process, out var metrics))
        {
            metrics = _processes.GetOrAdd(process, p => new ProcessMetrics(p, counterInterval, clock));
            Forget(p => p.EndedUtc + ForgetUnscrapedAfter <= clock.GetUtcNow().UtcDateTime);
        }
        metrics.Add(e);
    }

    /// <summary>Every process's metrics now, in PID order; those ended long enough ago are then dropped.</summary>
    public IReadOnlyList<ProcessMetricsSnapshot> Scrape()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var processes = _processes.Values.OrderBy(p => p.Process.Pid ?? int.MaxValue).ThenBy(p => p.Process.Key, StringComparer.Ordinal).ToList();
        foreach (var process in processes) process.EndIfGone();
        var snapshots = processes.Select(p => p.Snapshot()).ToList();
        Forget(p => p.EndedUtc + FinalScrapeAfter <= now);
        return snapshots;
    }

    private void Forget(Func<ProcessMetrics, bool> done)
    {
        foreach (var (process, metrics) in _processes)
            if (done(metrics)) _processes.TryRemove(process, out _);
    }
}
