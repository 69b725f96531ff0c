using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

public class TimelineWindowTests
{
    private static GcEvent Gc(double t, double pauseMs) => new(t, 1, 0, "AllocSmall", "NonConcurrentGC", pauseMs, pauseMs, null, null);

    private static IEnumerable<TimelineEvent> Samples(double from, double to, long heap = 10_000_000)
    {
        for (var t = from; t <= to + 1e-9; t += 0.1)
            yield return new MemorySample(Math.Round(t, 3), Heap: heap);
    }

    [Fact]
    public void In_gc_is_the_share_of_the_window_spent_in_the_pauses_seen_in_it()
    {
        var window = TimelineWindow.From([.. Samples(0, 10), Gc(2, 50), Gc(7, 30), Gc(11, 900)], 0, 10);

        Assert.Equal(0.8, window.InGcPercent()!.Value, precision: 6); // 80 ms of 10 s; the GC after the window is not in it
    }

    [Fact]
    public void With_no_gc_in_view_in_gc_is_zero_whatever_the_runtime_counter_said()
    {
        var window = TimelineWindow.From([.. Samples(0, 5), new CounterReading(1, CounterId.Runtime("time-in-gc"), 13)], 0, 5);

        Assert.Equal(0, window.InGcPercent());
    }

    [Fact]
    public void A_calls_heap_change_is_the_readings_around_it_when_no_gc_ran_between_them()
    {
        var call = new Bracket(1.0, 2.0, "a", "Work", 0, 1);
        var window = TimelineWindow.From([.. Samples(0, 1), .. Samples(2, 3, heap: 15_000_000), call], 0, 3);

        Assert.Equal(5_000_000, window.HeapDelta(call));
    }

    [Fact]
    public void A_gc_right_after_a_call_makes_its_heap_change_unknown_not_negative()
    {
        var call = new Bracket(1.0, 1.95, "a", "Work", 0, 1);
        var window = TimelineWindow.From([.. Samples(0, 1), .. Samples(2, 3, heap: 1_000_000), Gc(1.97, 1), call], 0, 3);

        Assert.Null(window.HeapDelta(call));
    }

    [Fact]
    public void A_call_shorter_than_the_gap_between_readings_has_an_unknown_heap_change_not_zero()
    {
        var call = new Bracket(1.01, 1.03, "a", "Request", 0, 1);
        var window = TimelineWindow.From([.. Samples(0, 3), call], 0, 3);

        Assert.Null(window.HeapDelta(call));
    }

    [Fact]
    public void Calls_back_to_back_that_allocate_as_they_begin_each_read_their_own_allocation_or_unknown_never_two()
    {
        // leak's shape: each call allocates 2 MB as it begins and then waits 100 ms; the next begins as it ends, so a
        // reading after a call's end, however soon, already holds the next call's 2 MB.
        var starts = Enumerable.Range(0, 11).Select(i => 1.0 + i * 0.1).ToList();
        var calls = Enumerable.Range(0, 10).Select(i => new Bracket(starts[i], starts[i + 1], $"{i}", "HandleRequest", 0, 1)).ToList();
        var readings = Enumerable.Range(0, 250).Select(i => 0.955 + i * 0.01)
            .Select(t => new MemorySample(Math.Round(t, 3), Heap: 2_000_000L * calls.Count(c => c.T <= t)));
        var window = TimelineWindow.From([.. readings, .. calls], 0, 3.5);

        Assert.All(calls, call => Assert.True(window.HeapDelta(call) is null or 2_000_000, $"{window.HeapDelta(call)} for the call at {call.T}"));
    }

    [Fact]
    public void A_call_alone_between_its_readings_keeps_its_heap_change_with_other_calls_well_apart()
    {
        var call = new Bracket(1.0, 2.0, "a", "Work", 0, 1);
        var earlier = new Bracket(0.2, 0.5, "b", "Work", 0, 1);
        var later = new Bracket(2.5, 2.8, "c", "Work", 0, 1);
        var window = TimelineWindow.From([.. Samples(0, 1), .. Samples(2, 3, heap: 15_000_000), earlier, call, later], 0, 3);

        Assert.Equal(5_000_000, window.HeapDelta(call));
    }
}
