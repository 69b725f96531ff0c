using TuiProf.Core.Diagnostics;
using TuiProf.Core.Sources;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

public class GcAssemblerTests
{
    private readonly List<GcEvent> _completed = [];

    [Fact]
    public void A_blocking_gc_is_complete_when_the_runtime_restarts_with_its_pause_and_sizes()
    {
        var gcs = new GcAssembler(_completed.Add);

        gcs.SuspendBegin(1.000);
        gcs.Start(1.001, 7, 2, "Induced", "NonConcurrentGC");
        gcs.HeapBefore(40_000_000);
        gcs.End(1.004, 7);
        gcs.HeapStats(new GenerationSizes(0, 300_000, 80_000, 0, 8_000));
        Assert.Empty(_completed);
        gcs.RestartEnd(1.005);

        var gc = Assert.Single(_completed);
        Assert.Equal(new GcEvent(1.001, 7, 2, "Induced", "NonConcurrentGC", 3, 5, 40_000_000, 388_000),
            gc with { DurationMs = Math.Round(gc.DurationMs, 6), PauseMs = Math.Round(gc.PauseMs, 6) });
        Assert.True(gc.IsInduced);
    }

    [Fact]
    public void A_background_gc_is_complete_at_its_heap_stats_and_keeps_the_pause_of_its_start()
    {
        var gcs = new GcAssembler(_completed.Add);

        gcs.SuspendBegin(2.000);
        gcs.Start(2.001, 3, 2, "AllocLarge", "BackgroundGC");
        gcs.RestartEnd(2.003);
        gcs.End(2.020, 3);
        gcs.HeapStats(new GenerationSizes(1, 2, 3, 4, 5));

        var gc = Assert.Single(_completed);
        Assert.Equal(3, gc.PauseMs, 6);
        Assert.Equal(19, gc.DurationMs, 6);
        Assert.Equal(15, gc.HeapAfter);
    }

    [Fact]
    public void Without_per_heap_history_the_last_known_heap_stands_in_for_the_size_before()
    {
        var gcs = new GcAssembler(_completed.Add) { LastKnownHeap = 1234 };

        gcs.Start(1, 1, 0, "AllocSmall", "NonConcurrentGC");
        gcs.End(1.001, 1);
        gcs.RestartEnd(1.002);

        Assert.Equal(1234, Assert.Single(_completed).HeapBefore);
    }
}
