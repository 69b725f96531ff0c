using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// .NET 10's randomized allocation sampling (<c>AllocationSampled</c>): each allocated byte is sampled with the same
/// small chance, per thread, and an object is reported when one of its bytes is. An object of <c>size</c> bytes is
/// seen with chance π = 1 − (1 − p)^size, so weighing it by size/π makes the sums unbiased (Horvitz–Thompson), and
/// size²(1 − π)/π² is its share of their variance: each call's bytes come with a bound. Its keyword alone, at
/// Informational, where the 100 KB ticks need every GC event at Verbose. While any session samples so, the runtime
/// sends no GCAllocationTick to any session (measured on .NET 10.0.12).
/// </summary>
public sealed class AllocationSampling(ThreadAllocations? calls) : IRuntimeSource
{
    public const long Keyword = 0x80000000000;
    private const int AllocationSampledEventId = 303;

    /// <summary>The chance of each byte (the runtime's design: geometric gaps of mean 100 KB).</summary>
    public const double ByteChance = 1.0 / 102_400;

    /// <summary>What a call can allocate without a single sample, 997 times in 1 000 (e^−x·p = 0.003).</summary>
    public static readonly double UnseenBytes = Math.Log(1 / 0.003) / ByteChance;

    public IReadOnlyList<EventPipeProvider> Providers { get; } =
        [new(GcEvents.RuntimeProvider, EventLevel.Informational, Keyword, null,
            new EventPipeProviderEventFilter(true, [AllocationSampledEventId]))];

    public void Subscribe(TraceEventDispatcher events, SourceClock clock, Action<TimelineEvent> emit)
    {
        var buckets = new AllocationBuckets(emit);
        events.Clr.AllocationSampling += e =>
        {
            var (bytes, variance) = Weigh(e.ObjectSize);
            calls?.Add(e.ThreadID, bytes, variance);
            buckets.Add(clock.Seconds(e.TimeStamp), e.TypeName, bytes);
        };
        // Nothing waits for the next sample: a GC, a call, a counter reading (every second) or the end hands them on.
        events.Clr.GCStart += _ => buckets.Flush();
        events.Dynamic.All += _ => buckets.Flush();
        events.Completed += buckets.Flush;
    }

    /// <summary>The bytes a sampled object of <paramref name="size"/> stands for, and the variance of that figure.</summary>
    public static (double Bytes, double Variance) Weigh(long size)
    {
        var seen = -double.ExpM1(size * double.LogP1(-ByteChance)); // 1 − (1 − p)^size, exact for small sizes too
        var bytes = size / seen;
        return (bytes, bytes * bytes * (1 - seen));
    }
}
