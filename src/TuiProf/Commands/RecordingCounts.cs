using TuiProf.Core.Timeline;

namespace TuiProf.Commands;

/// <summary>What a recording holds so far, for its progress line and closing summary. The RSS rate is the target's own.</summary>
public sealed class RecordingCounts(int? targetPid = null)
{
    private int _samples, _gcs, _brackets, _processes;
    private double _firstSample = double.NaN, _lastSample;

    public void Add(TimelineEvent e)
    {
        switch (e)
        {
            case MemorySample { Rss: not null } s when s.Pid is null || s.Pid == targetPid:
                _samples++;
                if (double.IsNaN(_firstSample)) _firstSample = s.T;
                _lastSample = s.T;
                break;
            case GcEvent: _gcs++; break;
            case Bracket: _brackets++; break;
            case ProcessStarted: _processes++; break;
            case MemorySample or BracketStarted or OutputLine or Notice or AllocationSample or CounterReading
                or TargetExited or ProcessExited or Core.Sources.AllocationSite or Core.Heap.HeapSnapshotTaken:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "an event kind the recording summary does not know");
        }
    }

    public string Summary(double now)
    {
        var span = _lastSample - _firstSample;
        var rate = span > 0 ? (_samples - 1) / span : 0;
        var processes = _processes > 1 ? $", {_processes} .NET processes" : "";
        return $"recorded {now:0.0} s: {_samples} RSS samples ({rate:0.0}/s), {_gcs} GCs, {_brackets} brackets{processes}";
    }
}
