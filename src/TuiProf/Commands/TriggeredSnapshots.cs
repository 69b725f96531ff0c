using System.Collections.Concurrent;
using System.Text.Json;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;
using TuiProf.Screen;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>
/// <c>record --snapshot-when COND</c>: a heap snapshot of the target's own process each time a reading makes the
/// condition hold, at most once per cool-down, written next to the recording as <c>FILE.heap-N.json</c> and marked in
/// it by two notices (taking, taken or why not). Skipped, with a notice, when the host has less memory available than
/// the snapshot may need. One snapshot at a time; the recording goes on meanwhile.
/// </summary>
internal sealed class TriggeredSnapshots(ProfilingSession session, SnapshotTrigger trigger, TimeSpan coolDown, long? minFree, FileInfo recording)
{
    private readonly ConcurrentQueue<TimelineEvent> _notices = new();
    private HeapSnapshotter? _snapshotter;
    private Task _taking = Task.CompletedTask;
    private double _last = double.NegativeInfinity;
    private int _taken;
    private long _heap;

    /// <summary>Looks at each event as it is recorded; starts a snapshot when a reading makes the condition hold.</summary>
    public void Observe(TimelineEvent e)
    {
        if (e.Pid is { } pid && pid != session.ProcessId) return;
        if (e is MemorySample { Heap: { } heap }) _heap = heap;
        if (e is GcEvent { HeapAfter: { } after }) _heap = after;
        if (trigger.HeldBy(e) is not { } reading || e.T - _last < coolDown.TotalSeconds || !_taking.IsCompleted) return;
        _last = e.T;
        var n = ++_taken;
        var heapNow = _heap;
        _taking = Task.Run(() => TakeAsync(n, e.T, reading, heapNow));
    }

    /// <summary>The notices to record since the last call.</summary>
    public IEnumerable<TimelineEvent> Notices()
    {
        while (_notices.TryDequeue(out var notice)) yield return notice;
    }

    /// <summary>Lets the snapshot under way finish (it has its own deadlines) before the recording ends.</summary>
    public Task FinishAsync() => _taking;

    private async Task TakeAsync(int n, double t, long reading, long heap)
    {
        var why = trigger.Window is { } window
            ? $"{trigger.Measure} {HeapPanel.Size(reading)} within {window.TotalMinutes:0.##} min > {HeapPanel.Size(trigger.Bytes)}"
            : $"{trigger.Measure} {HeapPanel.Size(reading)} > {HeapPanel.Size(trigger.Bytes)}";
        var needs = minFree ?? HostMemory.SnapshotNeeds(heap);
        if (HostMemory.Available() is { } available && available < needs)
        {
            Say(t, $"heap snapshot {n} skipped ({why}): the host has {HeapPanel.Size(available)} available, the snapshot may need {HeapPanel.Size(needs)}");
            return;
        }
        Say(t, $"heap snapshot {n} ({why}): taking it");
        try
        {
            var snapshot = await (_snapshotter ??= new HeapSnapshotter(session.Runtime())).TakeAsync();
            var file = new FileInfo($"{recording.FullName}.heap-{n}.json");
            Write(file, snapshot, t, reading);
            Say(session.Now, $"heap snapshot {n}: {snapshot.ObjectCount:N0} objects, {HeapPanel.Size(snapshot.TotalBytes)} -> {file.Name}");
        }
        catch (Exception e) when (e is ProfilerException or UsageException or IOException)
        {
            Say(session.Now, $"heap snapshot {n} not taken: {e.Message}");
        }
    }

    private void Write(FileInfo file, HeapSnapshot snapshot, double t, long reading)
    {
        using var stream = OutputFile.Create(file);
        using var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        j.WriteStartObject();
        j.WriteString("trigger", trigger.Text);
        j.WriteNumber("t", Math.Round(t, 4));
        j.WriteNumber("reading", reading);
        j.WriteNumber("pid", session.ProcessId);
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
