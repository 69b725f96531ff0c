using TuiProf.Core.Timeline;

namespace TuiProf.Benchmarks;

/// <summary>An hour of a busy target at TuiProf's rates: RSS at 25 Hz, heap at 10 Hz, 4 GCs and 1 call a second.</summary>
public static class SyntheticHour
{
    public static Timeline Timeline(int seconds = 3600)
    {
        var timeline = new Timeline();
        Feed(timeline, 0, seconds);
        return timeline;
    }

    public static void Feed(Timeline timeline, double from, int seconds)
    {
        for (var i = 0; i < seconds * 25; i++)
        {
            var t = from + i / 25.0;
            timeline.Apply(new MemorySample(t, Rss: 100_000_000 + (long)(Math.Sin(t / 7) * 20_000_000)));
            if (i % 5 < 2) timeline.Apply(new MemorySample(t, Heap: 50_000_000 + i % 250 * 100_000));
            if (i % 25 == 0) timeline.Apply(new Bracket(t, t + 0.5, $"{i}", "HandleRequest", 0, 1));
            if (i % 25 < 4) timeline.Apply(new GcEvent(t, i, i % 25 == 0 ? 2 : 0, "AllocSmall", "NonConcurrentGC", 1, 0.5, null, null));
        }
    }
}
