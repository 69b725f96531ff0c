using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

public class HeapSeriesTests
{
    [Fact]
    public void The_heap_line_is_every_heap_reading_and_the_total_after_each_gc_in_time_order_and_nothing_else()
    {
        var afterGc = new GenerationSizes(1_000, 2_000, 3_000, 4_000, 500);
        var line = HeapSeries.Of(
        [
            new MemorySample(0.3, Heap: 12_000),
            new GcEvent(0.1, 1, 0, "AllocSmall", "NonConcurrentGC", 1, 1, HeapBefore: 20_000, HeapAfter: 10_500),
            new MemorySample(0.2, Rss: 50_000),
            new MemorySample(0.12, Generations: afterGc),
        ]);

        Assert.Equal([new MemorySample(0.12, Heap: 10_500, Generations: afterGc), new MemorySample(0.3, Heap: 12_000)], line);
    }

    [Fact]
    public void Of_one_time_a_counter_reading_comes_before_the_size_after_a_gc_however_they_arrived()
    {
        var afterGc = new MemorySample(1.0, Generations: new GenerationSizes(1, 0, 0, 0, 0));
        var reading = new MemorySample(1.0, Heap: 5);

        Assert.Equal([reading, afterGc with { Heap = 1 }], HeapSeries.Of([afterGc, reading]));
    }

    [Fact]
    public void A_timeline_keeps_its_heap_readings_as_long_as_its_samples_and_the_sizes_after_gcs_as_long_as_its_gcs()
    {
        var timeline = new Core.Timeline.Timeline(new TimelineCapacity(Samples: 4, Gcs: 2, Brackets: 2, OutputLines: 2));
        for (var t = 0; t < 4; t++)
        {
            timeline.Apply(new MemorySample(t, Heap: 100 + t));
            timeline.Apply(new MemorySample(t + 0.5, Generations: new GenerationSizes(10 + t, 0, 0, 0, 0)));
        }

        using var window = timeline.Window(0, 4);

        // The hour of readings is not pushed out by a flood of GCs; the sizes after GCs go as their GCs go.
        Assert.Equal([(0, 100L), (1, 101), (2, 102), (2.5, 12), (3, 103), (3.5, 13)], window.Heap.Select(p => (p.T, p.Heap!.Value)));
    }
}
