using TuiProf.Core.Timeline;

namespace TuiProf.Commands;

/// <summary>
/// The calls a recording has seen start and not stop, of every profiled process: when the recording stops (its
/// duration, Ctrl-C) they are written as brackets up to its end, marked unfinished, not lost. A test still running
/// when <c>record -- dotnet test</c> was stopped left no trace of itself.
/// </summary>
public sealed class UnfinishedCalls
{
    private readonly Dictionary<(int? Pid, string Id), BracketStarted> _open = [];

    public void Observe(TimelineEvent e)
    {
        if (e is BracketStarted started && _open.Count < OpenSpans.Capacity) _open[(started.Pid, started.Id)] = started;
        else if (e is Bracket call) _open.Remove((call.Pid, call.Id));
    }

    /// <summary>Each call still open, as a bracket that ends at <paramref name="end"/>, in the order they began.</summary>
    public IEnumerable<Bracket> At(double end) =>
        _open.Values.OrderBy(s => s.T).Select(s => new Bracket(s.T, Math.Max(s.T, end), s.Id, s.Name, s.Depth, s.Thread)
        {
            Pid = s.Pid,
            Unfinished = true,
        });
}
