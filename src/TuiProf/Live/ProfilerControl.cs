using System.Diagnostics;
using TuiProf.Targets;

namespace TuiProf.Live;

/// <summary>
/// The live profiler as the dashboard's keys drive it. A start, a forced GC and a heap snapshot take from
/// milliseconds to seconds, so they run in the background; what they have to say (a failure, a refusal, a snapshot's
/// progress and result) waits in a slot until the UI thread moves it to the view with <see cref="ShowOutcomes"/>:
/// the view is written by the UI thread alone.
/// </summary>
/// <param name="suspectsEvery">The time between the snapshots of a leak-suspects series (5 s).</param>
public sealed class ProfilerControl(LiveProfiler profiler, ViewState view, TimeSpan? suspectsEvery = null) : IProfilerControl
{
    private static readonly TimeSpan SnapshotProgressPeriod = TimeSpan.FromMilliseconds(250);
    private const int SuspectSnapshots = 3;
    private readonly TimeSpan _suspectsEvery = suspectsEvery ?? TimeSpan.FromSeconds(5);

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

    /// <summary>
    /// Three snapshots, <c>suspectsEvery</c> apart: with those taken before, the series whose suspects the heap panel
    /// ranks. The status line says which is next, and at the end the first suspect; a snapshot that fails ends it.
    /// </summary>
    public Task FindLeakSuspectsAsync()
    {
        view.Message = $"leak suspects: snapshot 1 of {SuspectSnapshots} (a full GC)...";
        return Task.Run(async () =>
        {
            for (var i = 1; i <= SuspectSnapshots; i++)
            {
                if (i > 1)
                {
                    Say($"leak suspects: snapshot {i} of {SuspectSnapshots} in {_suspectsEvery.TotalSeconds:0.#} s...");
                    await Task.Delay(_suspectsEvery);
                }
                var before = profiler.Heap;
                var said = await profiler.TakeHeapSnapshotAsync();
                if (ReferenceEquals(profiler.Heap, before) || profiler.Heap is null)
                {
                    Say($"leak suspects: stopped at snapshot {i} of {SuspectSnapshots}: {said}");
                    return;
                }
            }
            Say(profiler.Heap!.Suspects is [var first, ..]
                ? $"leak suspects: {first.Type} first, {first.Growth} (tab: heap)"
                : $"leak suspects: none over {profiler.Heap.Series.Count} snapshots (tab: heap)");
        });
    }

    /// <summary>From any thread: the word that the next <see cref="ShowOutcomes"/> puts on the status line.</summary>
    private void Say(string message) => Volatile.Write(ref _outcome, message);
}
