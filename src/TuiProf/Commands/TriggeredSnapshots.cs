using System.Collections.Concurrent;
using System.Text.Json;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>
/// <c>--snapshot-when COND</c> written to files: a heap snapshot of one process each time a reading makes the condition
/// hold, at most once per cool-down, as JSON (<c>record</c>: next to the recording as <c>FILE.heap-N.json</c>; <c>top</c>:
/// one series of files per process), said by two notices (taking, taken or why not). Skipped, with a notice, when
/// the host has less memory available than the snapshot may need. One snapshot at a time; the readings go on meanwhile.
/// </summary>
/// <param name="runtime">The process's runtime, asked when a snapshot is taken.</param>
/// <param name="now">The process's clock, for the notices.</param>
/// <param name="fileOf">Where the N-th snapshot goes.</param>
internal sealed class TriggeredSnapshots(Func<RuntimeEndpoint> runtime, int pid, Func<double> now, SnapshotSchedule schedule, Func<int, FileInfo> fileOf)
{
    /// <summary>For <c>record</c>: the target's own process, its snapshots next to the recording.</summary>
    public TriggeredSnapshots(ProfilingSession session, SnapshotSchedule schedule, FileInfo recording)
        : this(() => session.Runtime(), session.ProcessId, () => session.Now, schedule, n => new FileInfo($"{recording.FullName}.heap-{n}.json"))
    {
    }

    private readonly ConcurrentQueue<TimelineEvent> _notices = new();
    private HeapSnapshotter? _snapshotter;
    private Task _taking = Task.CompletedTask;
    private SnapshotCall? _underWay;

    /// <summary>Looks at each event as it is recorded; starts a snapshot when a reading makes the condition hold.</summary>
    public void Observe(TimelineEvent e)
    {
        if (e.Pid is { } other && other != pid) return;
        if (schedule.Consider(e, busy: !_taking.IsCompleted) is not { } call) return;
        if (call.NotAffordable is not null) Say(call.T, call.Skipped);
        else _taking = Task.Run(() => TakeAsync(call));
    }

    /// <summary>The notices to record since the last call.</summary>
    public IEnumerable<TimelineEvent> Notices()
    {
        while (_notices.TryDequeue(out var notice)) yield return notice;
    }

    /// <summary>Lets the snapshot under way finish (it has its own deadlines) before the recording ends.</summary>
    public Task FinishAsync() => _taking;

    /// <summary>
    /// Says why a snapshot still under way when the waiting for it ended has no outcome (a signal gives it little):
    /// otherwise its "taking it" would be the last word on it.
    /// </summary>
    public void GiveUp()
    {
        if (Interlocked.Exchange(ref _underWay, null) is { } call) Say(now(), call.Failed("not finished when the recording ended"));
    }

    private async Task TakeAsync(SnapshotCall call)
    {
        _underWay = call;
        Say(call.T, call.Taking);
        try
        {
            var snapshot = await (_snapshotter ??= new HeapSnapshotter(runtime())).TakeAsync();
            var file = fileOf(call.Number);
            Write(file, snapshot, call);
            Conclude(call.Took(snapshot, $"-> {file.Name}"));
        }
        catch (Exception e) when (e is ProfilerException or UsageException or IOException)
        {
            Conclude(call.Failed(e.Message));
        }
    }

    /// <summary>A snapshot's one outcome: what it found or why not, unless the recording already gave up on it.</summary>
    private void Conclude(string outcome)
    {
        if (Interlocked.Exchange(ref _underWay, null) is not null) Say(now(), outcome);
    }

    private void Write(FileInfo file, HeapSnapshot snapshot, SnapshotCall call)
    {
        using var stream = OutputFile.Create(file);
        using var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        j.WriteStartObject();
        j.WriteString("trigger", schedule.Trigger.Text);
        j.WriteNumber("t", Math.Round(call.T, 4));
        j.WriteNumber("reading", call.Reading);
        j.WriteNumber("pid", pid);
        j.WriteStartObject("snapshot");
        HeapJson.WriteSnapshot(j, snapshot, 50);
        j.WriteEndObject();
        if (snapshot.TopGrowerOrLargest(null) is { } largest && snapshot.PathsTo(largest) is { } paths)
        {
            j.WriteStartObject("retention");
            HeapJson.WritePaths(j, paths);
            j.WriteEndObject();
        }
        j.WriteEndObject();
    }

    private void Say(double t, string text) => _notices.Enqueue(new Notice(t, text));
}
