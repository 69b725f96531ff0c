using System.Diagnostics;
using TuiProf.Targets;

namespace TuiProf.Live;

/// <summary>
/// The live profiler as the dashboard's keys drive it. A start, a forced GC and a heap snapshot take from
/// milliseconds to seconds, so they run in the background; what they have to say (a failure, a refusal, a snapshot's
/// progress and result) waits in a slot until the UI thread moves it to the view with <see cref="ShowOutcomes"/>:
/// the view is written by the UI thread alone.
/// </summary>
public sealed class ProfilerControl(LiveProfiler profiler, ViewState view) : IProfilerControl
{
    private static readonly TimeSpan SnapshotProgressPeriod = TimeSpan.FromMilliseconds(250);

    private string? _outcome; // the latest word of a background request, not yet on the view
    private ForcedGcProbe? _forcedGc;

    public TargetSpec? Target => profiler.Target;
    public int? ProcessId => profiler.ProcessId;
    public bool HasExited => profiler.Timeline.Exit is not null;
    public double Now => profiler.Now;
    public double Oldest => profiler.Timeline.Oldest;

    public void ShowNext(int step) => profiler.ShowNext(step);

    /// <summary>
    /// On the UI thread, before each key and each frame: the latest word of the background requests goes to the
    /// status line, and so does the forced GC once it is in the timeline (drawn in this very frame).
    /// </summary>
    public void ShowOutcomes()
    {
        if (Interlocked.Exchange(ref _outcome, null) is { } outcome) view.Message = outcome;
        if (_forcedGc?.Seen(profiler.Timeline) is { } seen)
        {
            view.Message = seen;
            _forcedGc = null;
        }
    }

    /// <summary>The screen shows "starting" meanwhile.</summary>
    public Task StartAsync(TargetSpec? target)
    {
        view.Message = null;
        view.PausedAt = null;
        _forcedGc = null;
        return Task.Run(async () =>
        {
            try { await (target is null ? profiler.RestartAsync() : profiler.StartAsync(target)); }
            catch (Exception e) { Say($"could not start: {e.Message}"); } // never take the UI down
        });
    }

    public Task ForceGcAsync()
    {
        _forcedGc = new ForcedGcProbe(profiler.Now, Stopwatch.StartNew());
        view.Message = "forcing a full GC...";
        return Task.Run(async () =>
        {
            if (await profiler.ForceCollectAsync() is ForcedGcOutcome.Refused refused) Say(refused.Reason);
        });
    }

    /// <summary>A snapshot takes a second or more: the status line counts the objects read meanwhile.</summary>
    public Task TakeHeapSnapshotAsync()
    {
        view.Message = "taking a heap snapshot (a full GC)...";
        var snapshot = Task.Run(profiler.TakeHeapSnapshotAsync);
        return Task.Run(async () =>
        {
            while (await Task.WhenAny(snapshot, Task.Delay(SnapshotProgressPeriod)) != snapshot)
                if (profiler.SnapshotProgress > 0) Say($"taking a heap snapshot: {profiler.SnapshotProgress:N0} objects read...");
            Say(await snapshot);
        });
    }

    /// <summary>From any thread: the word that the next <see cref="ShowOutcomes"/> puts on the status line.</summary>
    private void Say(string message) => Volatile.Write(ref _outcome, message);
}
