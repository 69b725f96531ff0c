using System.Collections.Concurrent;
using System.Diagnostics;
using TuiProf.Core.Fleet;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// Each bracket of an exported process as a span, nested as its calls were (the open bracket one level up on the same
/// thread is its parent), with the GCs that ran during it and what it allocated; each GC as a short span of its own
/// on a "GC" track. Spans are made as the events arrive, at the times the target's clock gave them.
/// </summary>
public sealed class OtlpSpans(string host, bool withCommandLine) : IDisposable
{
    public const string SourceName = "TuiProf";

    private readonly ActivitySource _source = new(SourceName);
    private readonly ConcurrentDictionary<ExportedProcess, OpenCalls> _open = new();

    public void Dispose() => _source.Dispose();

    public void Observe(ExportedProcess process, TimelineEvent e)
    {
        if (!_open.TryGetValue(process, out var calls))
        {
            calls = _open.GetOrAdd(process, p => new OpenCalls(DateTimeOffset.UtcNow - TimeSpan.FromSeconds(p.Now)));
            // A process killed never says it exited: what it left open goes when another arrives.
            foreach (var gone in _open.Keys.Where(p => p.Gone)) _open.TryRemove(gone, out _);
        }
        lock (calls)
        {
            switch (e)
            {
                case BracketStarted started:
                    calls.Open(started, Start(process, calls, started.Name, started.T, calls.ParentOf(started)));
                    break;
                case Bracket bracket:
                    End(bracket, calls, calls.Close(bracket) ?? Start(process, calls, bracket.Name, bracket.T, null));
                    break;
                case GcEvent gc:
                    calls.CountGc();
                    Gc(process, calls, gc);
                    break;
                case TargetExited:
                    _open.TryRemove(process, out _);
                    break;
            }
        }
    }

    private Activity? Start(ExportedProcess process, OpenCalls calls, string name, double t, Activity? parent)
    {
        var activity = _source.StartActivity(name, ActivityKind.Internal, parent?.Context ?? default, ProcessTags(process), startTime: calls.Utc(t));
        // The SDK makes each new activity current on this thread: the next call's parent is ours to choose, not its.
        Activity.Current = null;
        return activity;
    }

    private static void End(Bracket bracket, OpenCalls calls, Activity? activity)
    {
        if (activity is null) return; // no listener samples it
        if (bracket.Allocated is { } allocated) activity.SetTag("tuiprof.bracket.allocated", allocated.Bytes);
        activity.SetEndTime(calls.Utc(bracket.End).UtcDateTime);
        activity.Stop();
        Activity.Current = null;
    }

    private void Gc(ExportedProcess process, OpenCalls calls, GcEvent gc)
    {
        var activity = Start(process, calls, "GC", gc.T, null);
        if (activity is null) return;
        activity.SetTag(ServedMetrics.Generation, ServedMetrics.GenerationName(gc.Generation));
        activity.SetTag(ServedMetrics.Reason, gc.Reason);
        activity.SetTag("tuiprof.gc.pause", gc.PauseMs / 1000);
        activity.SetEndTime(calls.Utc(gc.T + gc.DurationMs / 1000).UtcDateTime);
        activity.Stop();
        Activity.Current = null;
    }

    private IEnumerable<KeyValuePair<string, object?>> ProcessTags(ExportedProcess process) =>
        ServedMetrics.ProcessAttributes(process.Pid, process.Name, process.CommandLine, host, withCommandLine)
            .Select(a => new KeyValuePair<string, object?>(a.Name, a.Value));

    /// <summary>One process's brackets begun and not ended, by id and by (thread, depth); and the GCs during each.</summary>
    /// <param name="origin">When its timeline's zero was, in UTC.</param>
    private sealed class OpenCalls(DateTimeOffset origin)
    {
        /// <summary>A time of the process's timeline (seconds since the watch reached it) as UTC.</summary>
        public DateTimeOffset Utc(double t) => origin + TimeSpan.FromSeconds(t);

        private readonly Dictionary<string, (Activity? Activity, int Thread, int Depth)> _byId = [];
        private readonly Dictionary<(int Thread, int Depth), Activity?> _byLevel = [];

        public Activity? ParentOf(BracketStarted started) => _byLevel.GetValueOrDefault((started.Thread, started.Depth - 1));

        public void Open(BracketStarted started, Activity? activity)
        {
            _byId[started.Id] = (activity, started.Thread, started.Depth);
            _byLevel[(started.Thread, started.Depth)] = activity;
            activity?.SetTag("tuiprof.bracket.gcs", 0);
        }

        public Activity? Close(Bracket bracket)
        {
            if (!_byId.Remove(bracket.Id, out var open)) return null;
            _byLevel.Remove((open.Thread, open.Depth));
            return open.Activity;
        }

        public void CountGc()
        {
            foreach (var (activity, _, _) in _byId.Values)
                activity?.SetTag("tuiprof.bracket.gcs", (int)(activity.GetTagItem("tuiprof.bracket.gcs") ?? 0) + 1);
        }
    }
}
