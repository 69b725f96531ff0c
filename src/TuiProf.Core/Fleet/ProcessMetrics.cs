using TuiProf.Core.Timeline;

namespace TuiProf.Core.Fleet;

/// <summary>
/// What one exported process's events add up to for a metrics scrape: its memory as last read, its GCs by generation
/// and reason, their pauses, what it allocated, and its brackets by name. Counters count from the moment the watch
/// reached the process (Prometheus' rate() and increase() take a series' start as it comes). Events arrive on the
/// process's own session thread and the watch's tick; a scrape reads a snapshot under the same lock.
/// </summary>
public sealed class ProcessMetrics
{
    /// <summary>Bracket durations, seconds: a call of a millisecond to a minute.</summary>
    public static readonly IReadOnlyList<double> DurationBounds = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>GC pauses, seconds: 50 µs (a gen-0 GC of a small heap) to a second (a full blocking GC of a big one).</summary>
    public static readonly IReadOnlyList<double> PauseBounds = [0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1];

    private readonly Lock _lock = new();
    private readonly double _counterInterval;
    private readonly TimeProvider _clock;
    private readonly Dictionary<(int Generation, string Reason), long> _collections = [];
    private readonly BucketCounts _pauses = new(PauseBounds);
    private readonly Dictionary<string, BracketTotals> _brackets = new(StringComparer.Ordinal);
    private long? _workingSet, _heap;
    private GenerationSizes? _lastCollection;
    private double? _timeInGc;
    private double _allocated;

    /// <param name="counterInterval">The session's EventCounters interval: alloc-rate readings are per second over it.</param>
    /// <param name="clock">What tells when its end was known.</param>
    public ProcessMetrics(ExportedProcess process, TimeSpan counterInterval, TimeProvider clock) =>
        (Process, _counterInterval, _clock) = (process, counterInterval.TotalSeconds, clock);

    public ExportedProcess Process { get; }

    /// <summary>When its end was first known (its session said it exited, or a scrape found it gone); null while it runs.</summary>
    public DateTime? EndedUtc { get; private set; }

    public void Add(TimelineEvent e)
    {
        lock (_lock)
        {
            switch (e)
            {
                case MemorySample sample:
                    (_workingSet, _heap, _lastCollection) = (sample.Rss ?? _workingSet, sample.Heap ?? _heap, sample.Generations ?? _lastCollection);
                    break;
                case GcEvent gc:
                    _collections[(gc.Generation, gc.Reason)] = _collections.GetValueOrDefault((gc.Generation, gc.Reason)) + 1;
                    _pauses.Add(gc.PauseMs / 1000);
                    break;
                case Bracket bracket:
                    if (!_brackets.TryGetValue(bracket.Name, out var totals)) _brackets[bracket.Name] = totals = new BracketTotals();
                    totals.Add(bracket);
                    break;
                case CounterReading { Counter.Provider: CounterId.RuntimeProvider } reading when reading.Counter.Name == "alloc-rate":
                    _allocated += reading.Value * _counterInterval;
                    break;
                case CounterReading { Counter.Provider: CounterId.RuntimeProvider } reading when reading.Counter.Name == "time-in-gc":
                    _timeInGc = reading.Value;
                    break;
                case TargetExited:
                    EndedUtc ??= _clock.GetUtcNow().UtcDateTime;
                    break;
            }
        }
    }

    /// <summary>Notes the end of a process whose session never said it (it broke, or never started).</summary>
    public void EndIfGone()
    {
        lock (_lock)
            if (EndedUtc is null && Process.Gone) EndedUtc = _clock.GetUtcNow().UtcDateTime;
    }

    public ProcessMetricsSnapshot Snapshot()
    {
        lock (_lock)
            return new ProcessMetricsSnapshot(Process.Pid, Process.Name, Process.CommandLine, _workingSet, _heap, _lastCollection, _timeInGc,
                (long)_allocated, new Dictionary<(int, string), long>(_collections), _pauses.Snapshot(),
                _brackets.ToDictionary(b => b.Key, b => b.Value.Snapshot(), StringComparer.Ordinal));
    }

    /// <summary>One bracket name's calls: how many, how long, and what they allocated when allocations were sampled.</summary>
    private sealed class BracketTotals
    {
        private readonly BucketCounts _durations = new(DurationBounds);
        private long? _allocated;

        public void Add(Bracket bracket)
        {
            _durations.Add(bracket.Duration);
            if (bracket.Allocated is { } allocated) _allocated = (_allocated ?? 0) + allocated.Bytes;
        }

        public BracketSnapshot Snapshot() => new(_durations.Snapshot(), _allocated);
    }
}

/// <summary>One process's metrics at one moment.</summary>
/// <param name="Collections">GCs seen by generation and reason.</param>
/// <param name="Allocated">Bytes allocated since the watch reached it (from the runtime's alloc-rate counter).</param>
public sealed record ProcessMetricsSnapshot(
    int? Pid,
    string Name,
    string CommandLine,
    long? WorkingSet,
    long? Heap,
    GenerationSizes? LastCollection,
    double? TimeInGcPercent,
    long Allocated,
    IReadOnlyDictionary<(int Generation, string Reason), long> Collections,
    BucketSnapshot Pauses,
    IReadOnlyDictionary<string, BracketSnapshot> Brackets);

/// <param name="Durations">Call durations in seconds; their count is the number of calls.</param>
/// <param name="Allocated">Bytes the calls allocated; null unless allocations were sampled (<c>--allocations</c>).</param>
public sealed record BracketSnapshot(BucketSnapshot Durations, long? Allocated);
