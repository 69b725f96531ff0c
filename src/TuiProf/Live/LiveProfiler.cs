using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;
using TuiProf.Targets;

namespace TuiProf.Live;

/// <summary>
/// The TUI's engine, free of any UI: runs one target at a time, pumps its events into a timeline per profiled
/// process, and switches, restarts or forces GCs on request. Operations are serialised, so a burst of key presses
/// never leaves two targets running. Of a launched tree, the newest followed process is shown unless the user
/// picked one. With a snapshot rule (<c>--snapshot-when</c>), the shown process's readings take heap snapshots.
/// Instead of a target it can show a recording (LiveProfiler.Viewing.cs).
/// </summary>
/// <param name="history">A timeline the first target's events continue (a process's row under top, opened), or null.</param>
public sealed partial class LiveProfiler(SessionOptions options, SnapshotRule? snapshots = null, Timeline? history = null) : IAsyncDisposable
{
    private Timeline? _history = history;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ProfilingSession? _session;
    private Task _pump = Task.CompletedTask;
    private Dictionary<int, Timeline> _timelines = [];
    private int? _pinned;
    private HeapSnapshotter? _snapshotter;
    private CancellationTokenSource _starting = new();
    private CancellationTokenSource? _viewing;

    /// <summary>The shown process's timeline.</summary>
    public Timeline Timeline { get; private set; } = new();

    public TargetSpec? Target { get; private set; }

    /// <summary>The target's name as first seen (an attached process's name outlives it), "-" before any.</summary>
    public string TargetName { get; private set; } = "-";

    /// <summary>
    /// What the target is doing. A running process that has been stopped (SIGSTOP, Ctrl-Z, a debugger) says so: its
    /// graph stands still for that reason, not TuiProf's.
    /// </summary>
    public string Status
    {
        get => _running && ProcessId is { } pid && IsStopped(pid) ? $"pid {pid} stopped (kill -CONT {pid})" : _status;
        private set => (_status, _running) = (value, false);
    }

    private string _status = "idle";
    private bool _running;

    /// <summary>Whether the last target could not be started (its reason is <see cref="Status"/>): nothing is read from it.</summary>
    public bool StartFailed { get; private set; }

    /// <summary>
    /// Whether the target is stopped, read from /proc at most every <see cref="StoppedCheckPeriod"/>: the kernel walks
    /// every thread of the target for /proc/PID/stat, and asked at each frame that was 5 % of the live screen's CPU.
    /// </summary>
    private bool IsStopped(int pid)
    {
        var now = Environment.TickCount64;
        if (now - _stoppedCheckedAt >= StoppedCheckPeriod) (_stopped, _stoppedCheckedAt) = (Core.Targets.ProcessInfo.IsStopped(pid), now);
        return _stopped;
    }

    private const long StoppedCheckPeriod = 500; // ms
    private long _stoppedCheckedAt = long.MinValue / 2;
    private bool _stopped;

    /// <summary>The target's own process (the launched or attached one).</summary>
    public int? ProcessId => _session?.ProcessId;

    /// <summary>The process whose timeline is shown.</summary>
    public int? ShownPid { get; private set; }

    /// <summary>The .NET processes of the target seen so far (one, unless a launched command started more).</summary>
    public IReadOnlyList<ProcessStarted> Processes => _session?.Processes ?? [];

    /// <summary>
    /// Something the user waits for has arrived for the shown process, worth drawing now rather than at the next
    /// frame: a GC (EventPipe already held it ~100 ms before it flushed), or the first memory reading of a target
    /// just started (the first useful frame).
    /// </summary>
    public event Action? ShowNow;

    /// <summary>The last heap snapshot of this target, with its growth since the one before and what holds it.</summary>
    public HeapFindings? Heap { get; private set; }

    /// <summary>Objects read by the snapshot under way, for the status line; 0 when none is.</summary>
    public int SnapshotProgress => _snapshotter?.ObjectsRead ?? 0;

    /// <summary>"Now" on the target's clock: wall time while it runs, frozen when it has exited.</summary>
    public double Now => Timeline.Exit?.T ?? _session?.Now ?? Timeline.Now;

    /// <summary>Stops the current target (killing it if we launched it) and starts <paramref name="target"/>.</summary>
    public async Task StartAsync(TargetSpec target)
    {
        // A start may wait without end (listening for a runtime that never connects): this one ends that wait
        // rather than queue behind it.
        var starting = new CancellationTokenSource();
        await Interlocked.Exchange(ref _starting, starting).CancelAsync();
        await _gate.WaitAsync();
        try
        {
            await StopCurrentAsync();
            // The status first: for a moment the header would otherwise name the new target with the old PID.
            Status = target is TargetSpec.Port { Address.Listen: true } port
                ? $"waiting: start your program with DOTNET_DiagnosticPorts={port.Address.Path}"
                : "starting";
            Target = target;
            TargetName = target.DisplayName;
            StartFailed = false;
            var history = Interlocked.Exchange(ref _history, null);
            Timeline = history ?? new Timeline(); // what was seen before is on screen while the session starts
            _timelines = [];
            (_pinned, ShownPid, Heap, _snapshotter) = (null, null, null, null);
            try
            {
                var session = await target.StartAsync(options, starting.Token);
                _session = session;
                if (history is not null && session.OpenSpansOf() is { } open) history.DrawOpen(open);
                Timeline = history ?? new Timeline(openSpans: session.OpenSpansOf());
                _timelines[session.ProcessId] = Timeline;
                ShownPid = session.ProcessId;
                Status = $"pid {session.ProcessId} running";
                _running = true;
                var timelines = _timelines;
                var schedule = snapshots?.Start();
                _pump = Task.Run(() => PumpAsync(session, timelines, schedule));
            }
            catch (ProfilerException e)
            {
                Status = $"failed: {e.Message}";
                StartFailed = true;
                Timeline.Apply(new Notice(0, e.Message));
            }
            catch (OperationCanceledException) when (starting.IsCancellationRequested)
            {
                Status = "stopped"; // another target, or quitting, took over
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task RestartAsync() => Target is { } target ? StartAsync(target) : Task.CompletedTask;

    /// <summary>Shows the next (+1) or previous (-1) profiled process of the tree, and keeps showing it.</summary>
    public void ShowNext(int step)
    {
        lock (_timelines)
        {
            var pids = _timelines.Keys.Order().ToList();
            if (pids.Count < 2 || ShownPid is not { } shown) return;
            var next = pids[(pids.IndexOf(shown) + step + pids.Count) % pids.Count];
            _pinned = next;
            Show(next);
        }
    }

    /// <summary>Asks the shown process for a full GC; returns what happened, for the status line.</summary>
    public async Task<ForcedGcOutcome> ForceCollectAsync()
    {
        if (_session is not { } session || Timeline.Exit is not null)
            return new ForcedGcOutcome.Refused("no running target to collect");
        try
        {
            await session.ForceCollectAsync(ShownPid == session.ProcessId ? null : ShownPid);
            return new ForcedGcOutcome.Requested();
        }
        catch (ProfilerException e)
        {
            return new ForcedGcOutcome.Refused(e.Message);
        }
    }

    /// <summary>
    /// Takes a heap snapshot of the shown process (a full GC, seen on the timeline like any other) and compares it
    /// with the one before; returns what to tell the user.
    /// </summary>
    public async Task<string> TakeHeapSnapshotAsync()
    {
        if (_session is not { } session || Timeline.Exit is not null) return "no running target to take a heap snapshot of";
        try
        {
            var runtime = session.Runtime(ShownPid == session.ProcessId ? null : ShownPid);
            var snapshotter = _snapshotter ??= new HeapSnapshotter(runtime);
            var at = Now;
            var snapshot = await snapshotter.TakeAsync();
            Heap = HeapFindings.Of(snapshot, at, Heap);
            var c = snapshot.Cost;
            return $"heap snapshot: {snapshot.ObjectCount:N0} objects, its GC paused the target {c.PauseMs:0.#} ms, dump {c.DumpSeconds:0.00} s (tab: heap)";
        }
        catch (ProfilerException e)
        {
            return e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _starting.CancelAsync(); // quitting ends a start's wait too
        await _gate.WaitAsync();
        try { await StopCurrentAsync(); }
        finally { _gate.Release(); }
    }

    private async Task StopCurrentAsync()
    {
        if (_viewing is { } viewing)
        {
            _viewing = null;
            await viewing.CancelAsync();
            await _pump;
        }
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
            await _pump;
        }
    }

    private void Show(int pid)
    {
        ShownPid = pid;
        Timeline = _timelines[pid];
    }

    /// <summary>
    /// Each process's events go to its own timeline; what concerns the whole target (its output, notices, its
    /// exit) to every timeline, so whichever is shown tells it.
    /// </summary>
    private async Task PumpAsync(ProfilingSession session, Dictionary<int, Timeline> timelines, SnapshotSchedule? schedule)
    {
        var root = session.ProcessId;
        Task taking = Task.CompletedTask;
        await foreach (var e in session.Events.ReadAllAsync())
        {
            Route(e, timelines, root, session.OpenSpansOf);
            // The condition is read on the process shown, which is the one a snapshot is taken of.
            if ((e.Pid ?? root) == (ShownPid ?? root) && schedule?.Consider(e, busy: !taking.IsCompleted) is { } call)
                taking = SnapshotOnConditionAsync(call, timelines, root);
            if (e is TargetExited exit && ReferenceEquals(timelines, _timelines))
                Status = exit.ExitCode is { } code ? $"pid {root} exited (code {code})" : $"pid {root} exited";
        }
    }

    /// <summary>A snapshot the rule called for, said on the timeline (taking it, what it found, or why not), shown in the Heap panel.</summary>
    private async Task SnapshotOnConditionAsync(SnapshotCall call, Dictionary<int, Timeline> timelines, int root)
    {
        if (call.NotAffordable is not null)
        {
            Route(new Notice(call.T, call.Skipped), timelines, root, _ => null);
            return;
        }
        Route(new Notice(call.T, call.Taking), timelines, root, _ => null);
        var before = Heap;
        var said = await Task.Run(TakeHeapSnapshotAsync);
        Route(new Notice(Now, Heap is { } found && !ReferenceEquals(found, before) ? call.Took(found.Snapshot, "(tab: heap)") : call.Failed(said)),
            timelines, root, _ => null);
        ShowNow?.Invoke(); // what the user waited for
    }

    private void Route(TimelineEvent e, Dictionary<int, Timeline> timelines, int root, Func<int?, OpenSpans?> openSpansOf)
    {
        lock (timelines)
        {
            switch (e)
            {
                case ProcessStarted { Followed: true } started when started.ProcessId != root:
                    timelines[started.ProcessId] = new Timeline(openSpans: openSpansOf(started.ProcessId));
                    if (_pinned is null && ReferenceEquals(timelines, _timelines)) Show(started.ProcessId);
                    break;
                case ProcessExited exited when timelines.TryGetValue(exited.ProcessId, out var timeline):
                    timeline.Apply(new TargetExited(exited.T, null));
                    break;
                case TimelineEvent when EventScope.IsTargetWide(e):
                    foreach (var timeline in timelines.Values) timeline.Apply(e);
                    break;
                default: // a process's own, which its timeline takes whatever its kind
                    if (!timelines.TryGetValue(root, out var rootTimeline)) timelines[root] = rootTimeline = new Timeline();
                    var target = e.Pid is { } pid && timelines.TryGetValue(pid, out var own) ? own : rootTimeline;
                    var showNow = ReferenceEquals(target, Timeline) && (e is GcEvent || (e is MemorySample && !target.HasMemory));
                    target.Apply(e);
                    if (showNow) ShowNow?.Invoke();
                    break;
            }
        }
    }
}
