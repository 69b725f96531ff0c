using TuiProf.Core.Diagnostics;
using TuiProf.Core.Timeline;
using TuiProf.Targets;

namespace TuiProf.Live;

/// <summary>
/// The TUI's engine, free of any UI: runs one target at a time, pumps its events into a fresh
/// <see cref="Timeline"/>, and switches, restarts or forces GCs on request. Operations are serialised, so a
/// burst of key presses never leaves two targets running.
/// </summary>
public sealed class LiveProfiler(SessionOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ProfilingSession? _session;
    private Task _pump = Task.CompletedTask;

    public Timeline Timeline { get; private set; } = new();
    public TargetSpec? Target { get; private set; }
    public string Status { get; private set; } = "idle";
    public int? ProcessId => _session?.ProcessId;

    /// <summary>"Now" on the target's clock: wall time while it runs, frozen when it has exited.</summary>
    public double Now => Timeline.Exit?.T ?? _session?.Now ?? Timeline.Now;

    /// <summary>Stops the current target (killing it if we launched it) and starts <paramref name="target"/>.</summary>
    public async Task StartAsync(TargetSpec target)
    {
        await _gate.WaitAsync();
        try
        {
            await StopCurrentAsync();
            Target = target;
            Timeline = new Timeline();
            Status = "starting";
            try
            {
                var session = await target.StartAsync(options, CancellationToken.None);
                _session = session;
                var timeline = Timeline;
                Status = $"pid {session.ProcessId} running";
                _pump = Task.Run(() => PumpAsync(session, timeline));
            }
            catch (ProfilerException e)
            {
                Status = $"failed: {e.Message}";
                Timeline.Apply(new Notice(0, e.Message));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task RestartAsync() => Target is { } target ? StartAsync(target) : Task.CompletedTask;

    /// <summary>Asks the target for a full GC; returns what happened, in words, for the status line.</summary>
    public async Task<string> ForceCollectAsync()
    {
        if (_session is not { } session || Timeline.Exit is not null)
            return "no running target to collect";
        try
        {
            await session.ForceCollectAsync();
            return "forced a full GC";
        }
        catch (ProfilerException e)
        {
            return e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try { await StopCurrentAsync(); }
        finally { _gate.Release(); }
    }

    private async Task StopCurrentAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync();
            await _pump;
        }
    }

    private async Task PumpAsync(ProfilingSession session, Timeline timeline)
    {
        await foreach (var e in session.Events.ReadAllAsync())
        {
            timeline.Apply(e);
            if (e is TargetExited exited && ReferenceEquals(timeline, Timeline))
                Status = exited.ExitCode is { } code ? $"pid {session.ProcessId} exited (code {code})" : $"pid {session.ProcessId} exited";
        }
    }
}
