using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// Sampled allocations (GCAllocationTick: about every 100 KB a thread allocates, the type that crossed the mark), for
/// a runtime before .NET 10, which has no <see cref="AllocationSampling"/>. Biased: a fixed stride favours the types
/// that happen to cross each mark, and nothing says how sure a sum is. It needs the GC keyword at Verbose, so it
/// costs the target in proportion to its allocation rate.
/// </summary>
public sealed class AllocationTicks(ThreadAllocations? calls) : IRuntimeSource
{
    public IReadOnlyList<EventPipeProvider> Providers { get; } =
        [new(GcEvents.RuntimeProvider, EventLevel.Verbose, GcEvents.GcKeyword)];

    public void Subscribe(TraceEventDispatcher events, SourceClock clock, Action<TimelineEvent> emit) =>
        events.Clr.GCAllocationTick += e =>
        {
            calls?.Add(e.ThreadID, e.AllocationAmount64, variance: null);
            emit(new AllocationSample(clock.Seconds(e.TimeStamp), e.TypeName, e.AllocationAmount64));
        };
}
