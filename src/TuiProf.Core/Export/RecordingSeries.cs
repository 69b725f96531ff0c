using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// What the exports draw from a recording, each list in time order. Memory readings are kept only while the target
/// lived: an RSS of 0 bytes, or any reading after its exit, came from a process that was already gone (an exiting
/// process or a zombie reads all zeros), and would draw a fall to zero that never happened. Of a launched command
/// with several profiled processes (<c>dotnet run</c>: the build, then the app), the series are of the last one that
/// runs the user's code; events without a <c>pid</c> are the launched process's.
/// </summary>
public sealed class RecordingSeries
{
    private RecordingSeries(RecordingFile recording)
    {
        Target = recording.Header?.Target ?? "tuiprof";
        OriginUtc = recording.Header?.OriginUtc ?? DateTime.UnixEpoch;
        var launched = recording.Header?.Pid;
        Pid = recording.Events.OfType<ProcessStarted>().LastOrDefault(p => p.Followed && p.ProcessId != launched)?.ProcessId ?? launched ?? 0;
        var events = recording.Events.Where(e => e is OutputLine or Notice or TargetExited || (e.Pid ?? launched ?? 0) == Pid)
            .OrderBy(e => e.T).ToList();
        Exit = events.OfType<TargetExited>().FirstOrDefault();
        var alive = events.OfType<MemorySample>().Where(s => s.T <= (Exit?.T ?? double.MaxValue)).ToList();
        Rss = alive.Where(s => s.Rss is > 0).ToList();
        Heap = alive.Where(s => s.Heap is not null).ToList();
        Generations = alive.Where(s => s.Generations is not null).ToList();
        Gcs = events.OfType<GcEvent>().ToList();
        Brackets = events.OfType<Bracket>().ToList();
        Counters = events.OfType<CounterReading>().ToList();
        End = events.Count == 0 ? 0 : Math.Max(events[^1].T, Brackets.Select(b => b.End).DefaultIfEmpty(0).Max());
    }

    public string Target { get; }

    /// <summary>The process the series are of (0 when the recording has no header).</summary>
    public int Pid { get; }

    /// <summary>Wall-clock time of t = 0; recordings without a header start at the Unix epoch.</summary>
    public DateTime OriginUtc { get; }

    /// <summary>Unix time of t = 0, in seconds.</summary>
    public double UnixOrigin => (OriginUtc - DateTime.UnixEpoch).TotalSeconds;

    public IReadOnlyList<MemorySample> Rss { get; }

    /// <summary>The GC heap line: the runtime's gc-heap-size counter.</summary>
    public IReadOnlyList<MemorySample> Heap { get; }

    /// <summary>The generation sizes after each GC.</summary>
    public IReadOnlyList<MemorySample> Generations { get; }

    public IReadOnlyList<GcEvent> Gcs { get; }

    public IReadOnlyList<Bracket> Brackets { get; }

    public IReadOnlyList<CounterReading> Counters { get; }

    public TargetExited? Exit { get; }

    /// <summary>The last moment the recording covers, in seconds since t = 0.</summary>
    public double End { get; }

    public static RecordingSeries From(RecordingFile recording) => new(recording);
}
