using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// What the exports draw from a recording: its processes, each with its own series (events without a <c>pid</c> are
/// the launched process's). <see cref="Main"/> is the one that runs the user's code: of a launched command with
/// several profiled processes (<c>dotnet run</c>: the build, then the app) the last followed one started, else the
/// launched process itself.
/// </summary>
public sealed class RecordingSeries
{
    private RecordingSeries(RecordingFile recording)
    {
        Target = recording.Header?.Target ?? "tuiprof";
        OriginUtc = recording.Header?.OriginUtc ?? DateTime.UnixEpoch;
        var launched = recording.Header?.Pid ?? 0;
        var events = recording.Events.OrderBy(e => e.T).ToList();
        var started = events.OfType<ProcessStarted>().ToList();
        var main = started.LastOrDefault(p => p.Followed && p.ProcessId != launched)?.ProcessId ?? launched;
        var exit = events.OfType<TargetExited>().FirstOrDefault();
        Processes = events.Where(e => !EventScope.IsTargetWide(e)).GroupBy(e => e.Pid ?? launched)
            .Select(g => new ProcessSeries(g.Key, g.Key == launched
                ? Target : started.FirstOrDefault(p => p.ProcessId == g.Key)?.Name ?? $"pid {g.Key}", g.ToList(), exit, g.Key == launched))
            .OrderBy(p => p.Pid == main ? 0 : 1)
            .DefaultIfEmpty(new ProcessSeries(launched, Target, [], exit, isLaunched: true))
            .ToList();
        End = events.Count == 0 ? 0 : Math.Max(events[^1].T, events.OfType<Bracket>().Select(b => b.End).DefaultIfEmpty(0).Max());
    }

    public string Target { get; }

    /// <summary>Wall-clock time of t = 0; recordings without a header start at the Unix epoch.</summary>
    public DateTime OriginUtc { get; }

    /// <summary>Unix time of t = 0, in seconds.</summary>
    public double UnixOrigin => (OriginUtc - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>Every process of the recording, <see cref="Main"/> first.</summary>
    public IReadOnlyList<ProcessSeries> Processes { get; }

    /// <summary>The process that runs the user's code: the one mprof's main line and the counter exports are of.</summary>
    public ProcessSeries Main => Processes[0];

    /// <summary>The last moment the recording covers, in seconds since t = 0.</summary>
    public double End { get; }

    public static RecordingSeries From(RecordingFile recording) => new(recording);
}
