using System.Collections.Concurrent;
using TuiProf.Commands;
using TuiProf.Core.Fleet;
using TuiProf.Core.Heap;
using TuiProf.Core.Timeline;

namespace TuiProf.Top;

/// <summary>
/// <c>top --snapshot-when COND</c>: the condition read on every watched process's own readings, each process with its
/// own cool-down; a snapshot goes to <c>DIR/NAME-PID.heap-N.json</c>, and what was done (taking, taken, skipped) is
/// said on that process's timeline and on the list's message line.
/// </summary>
public sealed class TopSnapshots(SnapshotRule rule, DirectoryInfo directory)
{
    private readonly ConcurrentDictionary<WatchedProcess, TriggeredSnapshots> _processes = new();
    private readonly ConcurrentQueue<string> _said = new();

    /// <summary>Looks at each event of each watched process as it arrives (the watch's observer).</summary>
    public void Observe(WatchedProcess process, TimelineEvent e)
    {
        if (process.Pid is not { } pid) return; // the snapshot goes by a runtime behind a port too, but names files by PID
        var snapshots = _processes.GetOrAdd(process, p => new TriggeredSnapshots(() => p.Runtime, pid, () => p.Now, rule.Start(),
            n => new FileInfo(Path.Join(directory.FullName, $"{FileName(p.Name)}-{pid}.heap-{n}.json"))));
        snapshots.Observe(e);
        foreach (var notice in snapshots.Notices())
        {
            process.Timeline.Apply(notice with { Pid = pid });
            _said.Enqueue($"{process.Name} (pid {pid}): {((Notice)notice).Text}");
        }
    }

    /// <summary>The latest word since the last call, or null.</summary>
    public string? LatestNotice()
    {
        string? latest = null;
        while (_said.TryDequeue(out var said)) latest = said;
        return latest;
    }

    /// <summary>Lets the snapshots under way finish (each has its own deadlines).</summary>
    public Task FinishAsync() => Task.WhenAll(_processes.Values.Select(s => s.FinishAsync()));

    private static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_'));
}
