using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Commands;

/// <summary>
/// What a recording holds so far, for its progress line and closing summary: for each profiled process, since under
/// <c>dotnet run</c> the host's GCs and RSS are not the app's.
/// </summary>
public sealed class RecordingCounts
{
    private readonly int? _targetPid;
    private readonly Dictionary<int, ProcessCounts> _processes = [];
    private readonly Dictionary<int, string> _names = [];
    private readonly Counting _counting;

    public RecordingCounts(int? targetPid = null)
    {
        _targetPid = targetPid;
        _counting = new Counting(this);
    }

    public void Add(TimelineEvent e) => e.Accept(_counting);

    /// <summary>The launched target's exit code, once it has exited (null: not yet, or not ours to know).</summary>
    public int? TargetExitCode { get; private set; }

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
        var pid = e.Pid ?? _targetPid ?? 0;
        if (!_processes.TryGetValue(pid, out var counts)) _processes[pid] = counts = new ProcessCounts();
        return counts;
    }

    /// <summary>What each kind of event adds to the counts; the answer is whether it counts.</summary>
    private sealed class Counting(RecordingCounts counts) : ITimelineEventVisitor<bool>
    {
        public bool Visit(MemorySample sample)
        {
            if (sample.Rss is null) return false;
            counts.Of(sample).Sample(sample.T);
            return true;
        }

        public bool Visit(GcEvent gc)
        {
            counts.Of(gc).Gcs++;
            return true;
        }

        public bool Visit(Bracket bracket)
        {
            counts.Of(bracket).Brackets++;
            return true;
        }

        public bool Visit(ProcessStarted started)
        {
            if (!started.Followed) return false;
            // Its entry assembly, as top and serve name it: every process of 'dotnet test' is "dotnet" to the kernel.
            counts._names[started.ProcessId] = EntryName.Of(started.CommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), started.Name);
            return true;
        }

        public bool Visit(BracketStarted started) => false;

        public bool Visit(OutputLine line) => false;

        public bool Visit(TargetExited exited)
        {
            counts.TargetExitCode = exited.ExitCode;
            return false;
        }

        public bool Visit(Notice notice) => false;

        public bool Visit(AllocationSample allocation) => false;

        public bool Visit(AllocationSite site) => false;

        public bool Visit(CounterReading counter) => false;

        public bool Visit(ProcessExited exited) => false;
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
