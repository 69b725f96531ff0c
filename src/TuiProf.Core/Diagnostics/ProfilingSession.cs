using System.Collections.Concurrent;
using System.Threading.Channels;
using TuiProf.Core.Sources;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Diagnostics;

/// <summary>
/// Profiles a target: reaches its runtime(s) through the <see cref="Target"/>, reads each followed one with the
/// sources of <see cref="SessionOptions"/> (a <see cref="RuntimeSession"/> each), resumes every runtime the target
/// paused, and merges everything into one stream of timeline events, each tagged with its process.
/// </summary>
public sealed class ProfilingSession : IAsyncDisposable
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(1);
    // The reader goes on on the thread that wrote (the RSS sampler, the event parser), already awake: handing each
    // batch to a pool worker woke one 50 times a second (record: 121 -> 65 context switches a second).
    private readonly Channel<TimelineEvent> _events = Channel.CreateUnbounded<TimelineEvent>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<RuntimeEndpoint, RuntimeSession> _sessions = new();
    private readonly ConcurrentDictionary<int, ProcessStarted> _processes = new();
    private readonly Target _target;
    private readonly SessionOptions _options;
    private RuntimeEndpoint? _root;
    private Task _completion = Task.CompletedTask;
    private Task _descendants = Task.CompletedTask;
    private int _disposed;

    private ProfilingSession(Target target, SessionOptions options) => (_target, _options) = (target, options);

    /// <summary>The launched or attached process's PID (0 for a runtime without a local process).</summary>
    public int ProcessId => _target.RootPid ?? _root?.LocalPid ?? 0;

    /// <summary>Time zero of every event: when the target was launched, or when we attached.</summary>
    public DateTime OriginUtc => _target.OriginUtc;

    public string Description => _target.DisplayName;

    /// <summary>Every event, in arrival order; completes after the target exits (ending with <see cref="TargetExited"/>) or on dispose.</summary>
    public ChannelReader<TimelineEvent> Events => _events.Reader;

    /// <summary>Completes when the stream has ended and every event is in <see cref="Events"/>.</summary>
    public Task Completion => _completion;

    public double Now => (DateTime.UtcNow - OriginUtc).TotalSeconds;

    /// <summary>The .NET processes of the target seen so far, in the order they appeared.</summary>
    public IReadOnlyList<ProcessStarted> Processes => _processes.Values.OrderBy(p => p.T).ToList();

    public static async Task<ProfilingSession> StartAsync(Target target, SessionOptions options, CancellationToken cancellation = default)
    {
        var self = new ProfilingSession(target, options);
        try
        {
            var root = await target.StartAsync(self.Emit, options.ConnectTimeout, cancellation);
            self._root = root;
            await self.AddAsync(root, isRoot: true, cancellation);
            self._descendants = Task.Run(self.FollowDescendantsAsync, CancellationToken.None);
            self._completion = self.FinishAsync();
            return self;
        }
        catch
        {
            await self.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes a followed runtime (by default the target's own) run a full blocking GC now, from outside. The GC
    /// arrives in <see cref="Events"/> with reason Induced.
    /// </summary>
    public Task ForceCollectAsync(int? pid = null, CancellationToken cancellation = default) =>
        ForcedCollection.RunAsync(Runtime(pid), cancellation);

    /// <summary>A profiled runtime (by default the target's own), for on-demand commands such as a heap snapshot.</summary>
    public RuntimeEndpoint Runtime(int? pid = null) =>
        (pid is null ? _root : _sessions.Keys.FirstOrDefault(r => r.LocalPid == pid))
        ?? throw new ProfilerException(pid is null ? "no runtime to reach" : $"process {pid} is not profiled");

    /// <summary>The activities open now in a profiled runtime (by default the target's own); null if it is not profiled.</summary>
    public OpenSpans? OpenSpansOf(int? pid = null) =>
        (pid is null ? _root : _sessions.Keys.FirstOrDefault(r => r.LocalPid == pid)) is { } runtime &&
        _sessions.TryGetValue(runtime, out var session) ? session.OpenSpans : null;

    /// <summary>The activities open now in every profiled runtime, each with its process's PID, in the order they began.</summary>
    public IReadOnlyList<BracketStarted> StillOpen() =>
        [.. _sessions.SelectMany(s => s.Value.OpenSpans.All().Select(o => s.Key.LocalPid is { } pid ? o with { Pid = pid } : o)).OrderBy(o => o.T)];

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        // Stopping the sessions first makes each runtime flush what it still holds, so nothing is lost.
        await Task.WhenAll(_sessions.Values.Select(s => s.StopAsync()));
        await _target.DisposeAsync();
        await _completion.WaitAsync(TimeSpan.FromSeconds(3)).ContinueWith(_ => { }, TaskScheduler.Default);
        _events.Writer.TryComplete();
    }

    /// <summary>Profiles a runtime when the rule says so, and in every case lets it run: nothing waits on us.</summary>
    private async Task AddAsync(RuntimeEndpoint runtime, bool isRoot, CancellationToken cancellation)
    {
        var followed = _options.Follow.Follows(runtime, isRoot);
        try
        {
            if (followed && !_stop.IsCancellationRequested)
                _sessions[runtime] = await RuntimeSession.StartAsync(runtime, _options, new SourceClock(OriginUtc), Emit,
                    () => Gone(runtime), cancellation);
        }
        catch (ProfilerException e) when (!isRoot)
        {
            followed = false;
            Emit(new Notice(Now, e.Message)); // a descendant that died as it started is no reason to stop
        }
        finally
        {
            await _target.ResumeAsync(runtime);
        }
        if (runtime.LocalPid is not { } pid) return;
        var started = new ProcessStarted(Now, pid, runtime.ParentPid, runtime.Name, runtime.CommandLine, followed) { Pid = pid };
        _processes[pid] = started;
        Emit(started);
    }

    private async Task FollowDescendantsAsync()
    {
        var watches = new List<Task>();
        await foreach (var runtime in _target.Descendants.ReadAllAsync())
        {
            await AddAsync(runtime, isRoot: false, CancellationToken.None);
            if (_sessions.TryGetValue(runtime, out var session)) watches.Add(ReportEndAsync(session));
        }
        await Task.WhenAll(watches);
    }

    /// <summary>A followed descendant's stream ends when it exits: drain it, then say it is gone.</summary>
    private async Task ReportEndAsync(RuntimeSession session)
    {
        await session.StreamEnded.ContinueWith(_ => { }, TaskScheduler.Default);
        await session.DrainAsync();
        if (!_stop.IsCancellationRequested && session.Runtime.LocalPid is { } pid && Gone(session.Runtime))
            Emit(new ProcessExited(Now, pid) { Pid = pid });
    }

    private async Task FinishAsync()
    {
        var root = _root is not null && _sessions.TryGetValue(_root, out var session) ? session : null;
        var end = await _target.EndAsync(root?.StreamEnded ?? Task.Delay(Timeout.Infinite, _stop.Token));
        if (root is not null) await root.DrainAsync();
        // What the descendants still hold is flushed as their sessions stop; the launch's leftovers are ended.
        await Task.WhenAll(_sessions.Values.Where(s => s != root).Select(s => s.StopAsync()));
        if (!_stop.IsCancellationRequested && end.Gone)
            Emit(new TargetExited(Now, end.ExitCode) { Pid = _target.RootPid });
        _events.Writer.TryComplete();
    }

    /// <summary>Whether a runtime's process is gone; one that exits is reported a moment after its stream breaks.</summary>
    private static bool Gone(RuntimeEndpoint runtime)
    {
        if (runtime.LocalPid is not { } pid) return true;
        var deadline = DateTime.UtcNow + ExitGrace;
        while (ProcessInfo.IsAlive(pid) && DateTime.UtcNow < deadline) Thread.Sleep(20);
        return !ProcessInfo.IsAlive(pid);
    }

    private void Emit(TimelineEvent e) => _events.Writer.TryWrite(e);
}
