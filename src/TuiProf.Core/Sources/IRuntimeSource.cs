using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// One kind of data read from a runtime over EventPipe: the providers it needs, and how it turns their events into
/// timeline events. A session enables the union of its sources' providers (<see cref="ProviderSet"/>) and lets each
/// source subscribe to the one parsed stream.
/// </summary>
public interface IRuntimeSource
{
    IReadOnlyList<EventPipeProvider> Providers { get; }

    void Subscribe(TraceEventDispatcher events, SourceClock clock, Action<TimelineEvent> emit);
}

/// <summary>Turns event timestamps into seconds since the session's origin, the timeline's clock.</summary>
public sealed record SourceClock(DateTime OriginUtc)
{
    public double Seconds(DateTime timestamp) => (timestamp.ToUniversalTime() - OriginUtc).TotalSeconds;

    public double Now => Seconds(DateTime.UtcNow);
}
