using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// Pairs activity start/stop events into brackets, keeping the activities in between in <paramref name="open"/>.
/// Depth comes from the parent span: an activity whose parent is still open is drawn one row below it. With
/// <paramref name="calls"/>, each bracket carries what its thread allocated meanwhile. Pure logic, no I/O.
/// </summary>
public sealed class BracketAssembler(Action<TimelineEvent> emit, OpenSpans open, ThreadAllocations? calls = null)
{
    public void Start(double t, string spanId, string? parentSpanId, string name, int thread)
    {
        var depth = parentSpanId is not null && open.Find(parentSpanId) is { } parent ? parent.Depth + 1 : 0;
        var started = new BracketStarted(t, spanId, name, depth, thread);
        if (!open.TryOpen(started)) return;
        calls?.Started(spanId, thread);
        emit(started);
    }

    /// <summary>A stop carries the activity's own start and duration, so one begun before we attached is whole too.</summary>
    public void Stop(double start, double end, string spanId, string name, int thread)
    {
        var depth = open.Close(spanId)?.Depth ?? 0;
        emit(new Bracket(start, end, spanId, name, depth, thread) { Allocated = calls?.Stopped(spanId, thread) });
    }
}
