using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

/// <summary>
/// 24 h of a busy server, generated in a loop, not slept: RSS at 25 Hz, a heap reading at 10 Hz, 50 gen-0 GCs a
/// second (each with its sizes after the GC), a gen-2 GC every 30 s, 20 calls a second. Hour 0 has a known spike
/// of RSS at 10 s and a known dip at 20 s. Built once for the tests that read it, measured while no other test runs
/// (a collection not run in parallel), so the heap it measures is its own.
/// </summary>
public sealed class BusyDay
{
    public const double Seconds = 24 * 3600;
    public const long SpikeRss = 900_000_000, DipRss = 20_000_000;
    public static readonly string[] CallNames = ["GET /orders", "GET /health", "POST /orders"];

    public BusyDay()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        Timeline = new Core.Timeline.Timeline();
        for (var tick = 0; tick < Seconds * 50; tick++) Apply(tick);
        Bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
    }

    public Core.Timeline.Timeline Timeline { get; }

    /// <summary>What the timeline holds after the day, measured on the managed heap.</summary>
    public long Bytes { get; }

    public static long RssAt(double t) => t switch
    {
        10 => SpikeRss,
        20 => DipRss,
        _ => 200_000_000 + (long)(t * 1000) % 50_000_000,
    };

    // 50 ticks a second: a GC each, RSS every other one, a heap reading every fifth, a call every 2.5th.
    private void Apply(int tick)
    {
        var t = tick / 50.0;
        if (tick % 2 == 0) Timeline.Apply(new MemorySample(t, Rss: RssAt(t)));
        if (tick % 5 == 0) Timeline.Apply(new MemorySample(t, Heap: 80_000_000 + tick % 997 * 10_000));
        var major = tick % 1500 == 0;
        Timeline.Apply(new GcEvent(t, tick, major ? 2 : 0, "AllocSmall", "NonConcurrentGC", 1, 0.5, null, null));
        Timeline.Apply(new MemorySample(t, Generations: new GenerationSizes(1_000_000, 0, 50_000_000, 2_000_000, 0)));
        if (tick % 5 is 0 or 2)
            Timeline.Apply(new Bracket(t, t + 0.01, $"{tick}", CallNames[tick % 3], 0, 1 + tick % 8));
    }
}

[CollectionDefinition(nameof(BusyDay), DisableParallelization = true)]
public sealed class BusyDayCollection : ICollectionFixture<BusyDay>;
