using TuiProf.Core.Diagnostics;
using TuiProf.Core.Fleet;
using TuiProf.Live;
using TuiProf.Targets;

namespace TuiProf.Tests.Fleet;

/// <summary>A row of top opened: its dashboard's session continues the timeline the watch began, on the same clock.</summary>
[Collection(nameof(HostWide))]
public sealed class HandOverTests
{
    [Fact(Timeout = 60_000)]
    public async Task An_opened_process_keeps_what_the_watch_saw_and_its_dashboard_goes_on_from_there_at_25_Hz()
    {
        await using var target = new RunningScenario("cycle");
        await using var watch = new HostWatch(new HostWatchOptions([target.ProcessId], [], HostWatchOptions.LightSession));
        watch.Start();
        await WatchWait.UntilAsync(() => watch.Processes.SingleOrDefault() is { } p && p.Timeline.Stats().GcCountByGeneration[2] > 0 && p.Timeline.Stats().Rss > 0,
            TimeSpan.FromSeconds(30), "the watch's first gen-2 GC and RSS");
        var process = watch.Processes.Single();

        var timeline = await process.HandOverAsync();
        var (gcs, seenUntil, oldest) = (timeline.Stats().GcCountByGeneration.Sum(), timeline.Now, timeline.Oldest);
        await using var profiler = new LiveProfiler(new SessionOptions(), history: timeline);
        await profiler.StartAsync(new TargetSpec.Process(target.ProcessId, process.OriginUtc));

        Assert.Same(timeline, profiler.Timeline);
        // The dashboard's own readings: RSS at 25 Hz, where the watch read it twice a second.
        await WatchWait.UntilAsync(() =>
        {
            using var lastSecond = timeline.Window(timeline.Now - 1, timeline.Now);
            return timeline.Now > seenUntil + 1 && lastSecond.Rss.Count >= 15;
        }, TimeSpan.FromSeconds(30), "a second of RSS at 25 Hz after the opening");
        Assert.True(timeline.Stats().GcCountByGeneration.Sum() >= gcs, "the watch's GCs are still counted");
        Assert.Equal(oldest, timeline.Oldest); // what the watch read before the opening is still there
    }
}
