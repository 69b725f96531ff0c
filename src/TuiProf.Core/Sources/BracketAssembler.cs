using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// Pairs activity start/stop events into brackets. Depth comes from the parent span: an activity whose parent is
/// still open is drawn one row below it. Pure logic, no I/O.
/// </summary>
public sealed class BracketAssembler(Action<TimelineEvent> emit)
{
    private const int MaxOpen = 10_000;
    private readonly Dictionary<string, BracketStarted> _open = [];

    public void Start(double t, string spanId, string? parentSpanId, string name, int thread)
    {
        if (_open.Count >= MaxOpen) return; // a target that never stops its activities must not grow us
        var depth = parentSpanId is not null && _open.TryGetValue(parentSpanId, out var parent) ? parent.Depth + 1 : 0;
        var started = new BracketStarted(t, spanId, name, depth, thread);
        _open[spanId] = started;
        emit(started);
    }

    /// <summary>A stop carries the activity's own start and duration, so one begun before we attached is whole too.</summary>
    public void Stop(double start, double end, string spanId, string name, int thread)
    {
        var depth = _open.Remove(spanId, out var started) ? started.Depth : 0;
        emit(new Bracket(start, end, spanId, name, depth, thread));
    }
}
