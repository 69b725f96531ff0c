using TuiProf.Core.Sources;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Sources;

public class ThreadAllocationsTests
{
    [Fact]
    public void A_call_gets_what_its_thread_allocated_between_its_start_and_stop_nested_calls_included()
    {
        var ledger = new ThreadAllocations();
        ledger.Add(1, 1_000, 10);
        ledger.Started("outer", 1);
        ledger.Add(1, 2_000, 20);
        ledger.Add(2, 50_000, 500); // another thread's meanwhile
        ledger.Started("inner", 1);
        ledger.Add(1, 4_000, 40);

        var inner = ledger.Stopped("inner", 1)!;
        var outer = ledger.Stopped("outer", 1)!;

        Assert.Equal(4_000, inner.Bytes);
        Assert.Equal(6_000, outer.Bytes);
        Assert.False(outer.IsBiased);
    }

    [Fact]
    public void The_bound_is_three_standard_errors_and_never_less_than_what_goes_unseen()
    {
        var ledger = new ThreadAllocations();
        ledger.Started("quiet", 1);
        ledger.Started("busy", 2);
        for (var i = 0; i < 1_000; i++)
            ledger.Add(2, 102_400, 1e10);

        Assert.Equal(new CallAllocation(0, (long)Math.Ceiling(AllocationSampling.UnseenBytes)), ledger.Stopped("quiet", 1));
        Assert.Equal((long)Math.Ceiling(3 * Math.Sqrt(1_000 * 1e10)), ledger.Stopped("busy", 2)!.Error);
    }

    [Fact]
    public void A_call_that_moved_threads_or_began_before_we_came_gets_no_figure_and_ticks_give_one_marked_biased()
    {
        var ledger = new ThreadAllocations();
        ledger.Started("moved", 1);
        ledger.Started("ticked", 3);
        ledger.Add(3, 102_400, variance: null);

        Assert.Null(ledger.Stopped("moved", 2));
        Assert.Null(ledger.Stopped("never-started", 1));
        Assert.Equal(new CallAllocation(102_400, null), ledger.Stopped("ticked", 3));
    }

    [Theory]
    [InlineData(24_000_024)]
    [InlineData(100_000)]
    [InlineData(24)]
    public void A_sampled_object_stands_for_its_size_over_its_chance_of_being_seen(long size)
    {
        var (bytes, variance) = AllocationSampling.Weigh(size);
        var seen = 1 - Math.Pow(1 - AllocationSampling.ByteChance, size);

        Assert.Equal(size / seen, bytes, size / seen * 1e-9);
        Assert.Equal(bytes * bytes * (1 - seen), variance, Math.Max(1, bytes * bytes * (1 - seen) * 1e-6));
        // A large array is all but certain to be seen, and stands for itself; a small object for ~100 KB.
        if (size > 10_000_000) Assert.Equal(size, bytes, 1);
        if (size < 100) Assert.InRange(bytes, 102_000, 102_500);
    }
}
