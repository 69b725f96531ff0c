using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// What the exports draw from a recording: its processes, the target first (its events carry no pid, or the
/// header's), then each followed descendant in the order it was found.
/// </summary>
public sealed class RecordingSeries
{
    private RecordingSeries(RecordingFile recording)
    {
        Target = recording.Header?.Target ?? "tuiprof";
        OriginUtc = recording.Header?.OriginUtc ?? DateTime.UnixEpoch;
        var targetPid = recording.Header?.Pid ?? 0;
        var events = recording.Events.OrderBy(e => e.T).ToList();
        var names = events.OfType<ProcessStarted>().GroupBy(p => p.ProcessId).ToDictionary(g => g.Key, g => g.First().Name);
        Processes = events.GroupBy(e => e.Pid ?? targetPid)
            .OrderBy(g => g.Key == targetPid ? 0 : 1)
            .Select(g => new ProcessSeries(g.Key, g.Key == targetPid ? Target : names.GetValueOrDefault(g.Key, $"pid {g.Key}"), g.ToList()))
            .DefaultIfEmpty(new ProcessSeries(targetPid, Target, []))
            .ToList();
        End = events.Count == 0 ? 0 : Math.Max(events[^1].T, events.OfType<Bracket>().Select(b => b.End).DefaultIfEmpty(0).Max());
    }

    public string Target { get; }

    /// <summary>Wall-clock time of t = 0; recordings without a header start at the Unix epoch.</summary>
    public DateTime OriginUtc { get; }

    /// <summary>Unix time of t = 0, in seconds.</summary>
    public double UnixOrigin => (OriginUtc - DateTime.UnixEpoch).TotalSeconds;

    public IReadOnlyList<ProcessSeries> Processes { get; }

    /// <summary>The profiled process itself (the root of a launched tree).</summary>
    public ProcessSeries Main => Processes[0];

    /// <summary>The last moment the recording covers, in seconds since t = 0.</summary>
    public double End { get; }

    public static RecordingSeries From(RecordingFile recording) => new(recording);
}
