using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Live;

/// <summary>The engine on a recording instead of a target: <c>tuiprof view FILE</c>.</summary>
public sealed partial class LiveProfiler
{
    /// <summary>
    /// Shows a recording instead of a target: all of it, and what is written to it from now on until nothing writes
    /// it any more (a recorder in tmux or under nohup, re-opened after an SSH drop). Nothing is asked of any process.
    /// </summary>
    public async Task ViewAsync(string path)
    {
        await _gate.WaitAsync();
        try
        {
            await StopCurrentAsync();
            Target = null;
            TargetName = Path.GetFileName(path);
            Status = $"following {TargetName}";
            Timeline = new Timeline();
            _timelines = [];
            (_pinned, ShownPid, Heap, _snapshotter) = (null, null, null, null);
            var timelines = _timelines;
            var viewing = _viewing = new CancellationTokenSource();
            _pump = Task.Run(() => FollowAsync(new RecordingFollower(path), timelines, viewing.Token));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FollowAsync(RecordingFollower follower, Dictionary<int, Timeline> timelines, CancellationToken cancellation)
    {
        var root = 0;
        try
        {
            var ended = await follower.FollowAsync(header =>
            {
                root = header.Pid;
                lock (timelines)
                {
                    timelines[root] = Timeline;
                    ShownPid = root;
                }
            }, e => Route(e, timelines, root, _ => null), cancellation);
            if (ReferenceEquals(timelines, _timelines))
                Status = $"{TargetName}: {ended}" + (follower.SkippedLines > 0 ? $" ({follower.SkippedLines} unreadable lines skipped)" : "");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { /* another target took over */ }
        catch (IOException e)
        {
            if (ReferenceEquals(timelines, _timelines)) Status = $"{TargetName}: {e.Message}";
        }
    }
}
