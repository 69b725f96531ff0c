using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// Sampled allocations (GCAllocationTick: about every 100 KB a thread allocates, the type that crossed the mark).
/// It needs the GC keyword at Verbose, so it costs the target in proportion to its allocation rate: off by default.
/// </summary>
public sealed class AllocationTicks : IRuntimeSource
{
    public IReadOnlyList<EventPipeProvider> Providers { get; } =
        [new(GcEvents.RuntimeProvider, EventLevel.Verbose, GcEvents.GcKeyword)];

    public void Subscribe(TraceEventDispatcher events, SourceClock clock, Action<TimelineEvent> emit) =>
        events.Clr.GCAllocationTick += e => emit(new AllocationSample(clock.Seconds(e.TimeStamp), e.TypeName, e.AllocationAmount64));
}
