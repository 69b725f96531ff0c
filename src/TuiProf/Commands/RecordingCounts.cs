using TuiProf.Core.Timeline;

namespace TuiProf.Commands;

/// <summary>
/// What a recording holds so far, for its progress line and closing summary: for each profiled process, since under
/// <c>dotnet run</c> the host's GCs and RSS are not the app's.
/// </summary>
public sealed class RecordingCounts(int? targetPid = null)
{
    private readonly Dictionary<int, ProcessCounts> _processes = [];
    private readonly Dictionary<int, string> _names = [];

    public void Add(TimelineEvent e)
    {
        switch (e)
        {
            case MemorySample { Rss: not null } s: Of(s).Sample(s.T); break;
            case GcEvent: Of(e).Gcs++; break;
            case Bracket: Of(e).Brackets++; break;
            case ProcessStarted { Followed: true } p: _names[p.ProcessId] = p.Name; break;
            case MemorySample or BracketStarted or OutputLine or Notice or AllocationSample or CounterReading or ProcessStarted
                or TargetExited or ProcessExited or AllocationSite:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "an event kind the recording summary does not know");
        }
    }

    /// <summary>The progress line, rewritten in place: one process's figures, or the totals of several.</summary>
    public string Progress(double now)
    {
        if (_processes.Count <= 1) return $"recorded {now:0.0} s: {Single()}";
        return $"recorded {now:0.0} s of {_processes.Count} .NET processes: {_processes.Values.Sum(p => p.Gcs)} GCs, " +
               $"{_processes.Values.Sum(p => p.Brackets)} brackets in all";
    }

    /// <summary>The closing summary: one process's figures, or under the totals a line for each profiled process, named.</summary>
    public IReadOnlyList<string> Summary(double now, string destination)
    {
        if (_processes.Count <= 1) return [$"recorded {now:0.0} s: {Single()} -> {destination}"];
        var each = _processes.OrderBy(p => p.Key).Select(p => $"  {_names.GetValueOrDefault(p.Key, "pid")} {p.Key}: {p.Value}");
        return [$"recorded {now:0.0} s of {_processes.Count} .NET processes -> {destination}", .. each];
    }

    private ProcessCounts Single() => _processes.Values.SingleOrDefault() ?? new ProcessCounts();

    // Events of the target itself carry no PID in a recording of one process.
    private ProcessCounts Of(TimelineEvent e)
    {
        var pid = e.Pid ?? targetPid ?? 0;
        if (!_processes.TryGetValue(pid, out var counts)) _processes[pid] = counts = new ProcessCounts();
        return counts;
    }

    private sealed class ProcessCounts
    {
        private int _samples;
        private double _first = double.NaN, _last;

        public int Gcs { get; set; }

        public int Brackets { get; set; }

        public void Sample(double t)
        {
            _samples++;
            if (double.IsNaN(_first)) _first = t;
            _last = t;
        }

        public override string ToString()
        {
            var rate = _last > _first ? (_samples - 1) / (_last - _first) : 0;
            return $"{_samples} RSS samples ({rate:0.0}/s), {Gcs} GCs, {Brackets} brackets";
        }
    }
}
