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
}
