using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

public class TimelineTests
{
    [Fact]
    public void A_ring_buffer_keeps_the_newest_items_and_counts_what_it_dropped()
    {
        var buffer = new RingBuffer<int>(3);
        foreach (var i in Enumerable.Range(1, 5)) buffer.Add(i);

        Assert.Equal([3, 4, 5], buffer.ToArray());
        Assert.Equal(2, buffer.Dropped);
    }

    [Fact]
    public void A_ring_buffer_takes_memory_as_it_fills_not_for_its_whole_capacity_up_front()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var buffer = new RingBuffer<long>(1_000_000);
        for (var i = 0; i < 1000; i++) buffer.Add(i);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 40_000, $"{allocated} bytes for 1000 items"); // 1024 longs and the smaller arrays before
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), buffer.ToArray());
    }

    [Fact]
    public void A_window_holds_what_falls_in_it_plus_one_sample_each_side_and_open_brackets_up_to_now()
    {
        var open = new OpenSpans();
        var timeline = new Core.Timeline.Timeline(openSpans: open);
        for (var t = 0; t <= 10; t++) timeline.Apply(new MemorySample(t, Rss: t * 1000));
        timeline.Apply(new GcEvent(3, 1, 0, "AllocSmall", "x", 1, 1, null, null));
        timeline.Apply(new GcEvent(9, 2, 1, "AllocSmall", "x", 1, 1, null, null));
        open.TryOpen(new BracketStarted(6, "s", "Open", 0, 1));

        var window = timeline.Window(4, 7);

        Assert.Equal([3.0, 4, 5, 6, 7, 8], window.Rss.Select(s => s.T));
        Assert.Equal([3.0, 9.0], window.Gcs.Select(g => g.T)); // none inside, the neighbours kept
        Assert.Equal(new Bracket(6, 10, "s", "Open", 0, 1), Assert.Single(window.Brackets));
    }

    [Fact]
    public void Open_brackets_are_drawn_from_the_sources_open_spans_until_they_close_or_the_target_exits()
    {
        var open = new OpenSpans();
        var timeline = new Core.Timeline.Timeline(openSpans: open);
        var brackets = new Core.Sources.BracketAssembler(timeline.Apply, open);
        brackets.Start(1, "a", null, "Closes", 1);
        brackets.Start(2, "b", null, "Stays open", 1);
        timeline.Apply(new MemorySample(5, Rss: 1));

        Assert.Equal([new Bracket(1, 5, "a", "Closes", 0, 1), new Bracket(2, 5, "b", "Stays open", 0, 1)],
            timeline.Window(0, 10).Brackets.OrderBy(b => b.T));
        brackets.Stop(1, 3, "a", "Closes", 1);
        Assert.Equal([new Bracket(1, 3, "a", "Closes", 0, 1), new Bracket(2, 5, "b", "Stays open", 0, 1)],
            timeline.Window(0, 10).Brackets.OrderBy(b => b.T));
        timeline.Apply(new TargetExited(6, 0));
        Assert.Equal(new Bracket(1, 3, "a", "Closes", 0, 1), Assert.Single(timeline.Window(0, 10).Brackets));
    }

    [Fact]
    public void Stats_count_every_gc_even_when_the_buffers_have_dropped_them()
    {
        var timeline = new Core.Timeline.Timeline(new TimelineCapacity(Samples: 4, Gcs: 2, Brackets: 2, OutputLines: 2));
        for (var i = 0; i < 10; i++) timeline.Apply(new GcEvent(i, i, i % 3, i == 4 ? "Induced" : "AllocSmall", "x", 1, 0.5, null, null));

        var stats = timeline.Stats();

        Assert.Equal([4, 3, 3], stats.GcCountByGeneration);
        Assert.Equal(1, stats.InducedGcCount);
        Assert.Equal(5, stats.TotalPauseMs);
        Assert.Equal(2, timeline.RecentGcs(10).Count);
    }

    [Fact]
    public void Allocations_are_summed_by_type_for_the_session_and_for_a_span()
    {
        var timeline = new Core.Timeline.Timeline(TimelineCapacity.Default with { Allocations = 3 });
        timeline.Apply(new AllocationSample(1, "System.Int64[]", 100_000));
        timeline.Apply(new AllocationSample(2, "System.String", 150_000));
        timeline.Apply(new AllocationSample(3, "System.Int64[]", 100_000));
        timeline.Apply(new AllocationSample(4, "System.Int64[]", 100_000)); // the first sample leaves the buffer

        Assert.Equal([new("System.Int64[]", 300_000), new("System.String", 150_000)], timeline.TopAllocations(5));
        Assert.Equal([new TypeAllocation("System.Int64[]", 200_000)], timeline.TopAllocations(3, 4, 5));
        Assert.Equal([new TypeAllocation("System.String", 150_000)], timeline.TopAllocations(0, 2.5, 5));
    }
}
