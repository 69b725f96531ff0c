using TuiProf.Core.Diagnostics;
using TuiProf.Core.Sources;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Fleet;

/// <summary>
/// One .NET process of a host watch: a session on it (counters and GC events), its events in a timeline of its own,
/// and its RSS read from /proc by the watch's own tick rather than a sampler thread per process. A process that
/// cannot be reached (stopped, diagnostics off, gone while reached) is listed with why and tried again later.
/// </summary>
public sealed class WatchedProcess : IAsyncDisposable
{
    /// <summary>A process that could not be reached is tried again after this long.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Target> _target;
    private readonly SessionOptions _options;
    private readonly Action<WatchedProcess, TimelineEvent>? _observer;
    private ProfilingSession? _session;
    private DateTime? _origin;
    private Task _run = Task.CompletedTask;

    /// <param name="target">A new way to reach it, for each try.</param>
    /// <param name="observer">Sees every event of this process as it arrives.</param>
    public WatchedProcess(string key, int? pid, Func<Target> target, SessionOptions options, Action<WatchedProcess, TimelineEvent>? observer)
    {
        (Key, Pid, _target, _options, _observer) = (key, pid, target, options, observer);
        (Name, CommandLine) = pid is { } local ? (EntryName.OfProcess(local), ProcessInfo.CommandLineOf(local)) : (key, "");
    }

    /// <summary>What tells this process from any other of the watch: "pid N", or a diagnostic port's path.</summary>
    public string Key { get; }

    /// <summary>Its PID on this machine; null for a runtime behind a diagnostic port.</summary>
    public int? Pid { get; }

    /// <summary>Its entry assembly's name (<see cref="EntryName"/>), or the port's path.</summary>
    public string Name { get; }

    /// <summary>Its command line, arguments joined by spaces (shown only to filter by, and with --with-command-line).</summary>
    public string CommandLine { get; }

    public Timeline.Timeline Timeline { get; } = new();

    /// <summary>Whether its session runs (not still being reached, nor failed).</summary>
    public bool Watched => _session is not null && Problem is null;

    /// <summary>Why it is not watched now (its session could not start, or its stream broke); null otherwise.</summary>
    public string? Problem { get; private set; }

    /// <summary>Whether the process has exited (or the port's runtime has gone).</summary>
    public bool Gone => Timeline.Exit is not null || (Pid is { } pid && !ProcessInfo.IsAlive(pid));

    /// <summary>Time zero of its timeline: when the watch first reached it; null before.</summary>
    public DateTime? OriginUtc => _origin;

    /// <summary>
    /// Whether its timeline has been handed over to a session of its own (its dashboard, opened from top): the watch no
    /// longer reads it, so that one session at a time writes the timeline and nothing is counted twice.
    /// </summary>
    public bool HandedOver { get; private set; }

    /// <summary>
    /// Ends the watch's own session on it and hands its timeline over, to be continued by another session on the same
    /// clock (<see cref="OriginUtc"/>). What the watch's observer sees of it ends here.
    /// </summary>
    public async Task<Timeline.Timeline> HandOverAsync()
    {
        HandedOver = true;
        await _stop.CancelAsync();
        await _run.ContinueWith(_ => { }, TaskScheduler.Default);
        return Timeline;
    }

    /// <summary>Seconds on its timeline's clock: since the watch first reached it.</summary>
    public double Now => _origin is { } origin ? (DateTime.UtcNow - origin).TotalSeconds : 0;

    /// <summary>
    /// Starts reaching it, on a thread of its own: reaching a runtime first reads the temporary directory a few times,
    /// synchronously, and a dozen processes reached at once on the pool held its threads for seconds (every other
    /// continuation of the process waited). A slow or stopped process holds no one.
    /// </summary>
    public void Start() =>
        _run = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>Reads the RSS now (the watch's tick).</summary>
    public void SampleRss()
    {
        if (Pid is { } pid && _session is not null && !HandedOver && Timeline.Exit is null && RssSampler.Read(pid) is { } rss)
            Apply(new MemorySample(Now, Rss: rss) { Pid = pid });
    }

    /// <summary>Its runtime, for on-demand requests (a heap snapshot); a process not reached yet has none.</summary>
    public RuntimeEndpoint Runtime =>
        _session is { } session && Problem is null ? session.Runtime() : throw new ProfilerException($"not watched: {Problem ?? "not reached yet"}");

    /// <summary>Makes it run a full blocking GC now, from outside; it arrives on its timeline with reason Induced.</summary>
    public Task ForceCollectAsync() =>
        _session is { } session && Problem is null ? session.ForceCollectAsync() : Task.FromException(new ProfilerException($"not watched: {Problem ?? "not reached yet"}"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested && !Gone)
        {
            try
            {
                await using var session = await ProfilingSession.StartAsync(_target(), _options, _stop.Token);
                // One clock for the whole watch: a session after a retry starts later than the first.
                _origin ??= session.OriginUtc;
                var offset = (session.OriginUtc - _origin.Value).TotalSeconds;
                (_session, Problem) = (session, null);
                await foreach (var e in session.Events.ReadAllAsync(_stop.Token))
                    Apply(offset == 0 ? e : Shifted(e, offset));
                if (Timeline.Exit is not null) return;
                Problem = "its event stream ended";
            }
            catch (ProfilerException e)
            {
                Problem = e.Message;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            await Task.Delay(RetryAfter, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static TimelineEvent Shifted(TimelineEvent e, double offset) =>
        e is Bracket b ? b with { T = b.T + offset, End = b.End + offset } : e with { T = e.T + offset };

    private void Apply(TimelineEvent e)
    {
        Timeline.Apply(e);
        _observer?.Invoke(this, e);
    }
}
