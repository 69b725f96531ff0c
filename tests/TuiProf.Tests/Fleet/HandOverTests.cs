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
        await Until(() => watch.Processes.SingleOrDefault() is { } p && p.Timeline.Stats().GcCountByGeneration[2] > 0 && p.Timeline.Stats().Rss > 0,
            "the watch's first gen-2 GC and RSS");
        var process = watch.Processes.Single();

        var timeline = await process.HandOverAsync();
        var (gcs, seenUntil) = (timeline.Stats().GcCountByGeneration.Sum(), timeline.Now);
        await using var profiler = new LiveProfiler(new SessionOptions(), history: timeline);
        await profiler.StartAsync(new TargetSpec.Process(target.ProcessId, process.OriginUtc));

        Assert.Same(timeline, profiler.Timeline);
        await Until(() => timeline.Now > seenUntil + 1.5, "a second and a half more of the dashboard's own");
        Assert.True(timeline.Stats().GcCountByGeneration.Sum() >= gcs, "the watch's GCs are still counted");
        using var window = timeline.Window(seenUntil + 0.5, seenUntil + 1.5);
        Assert.True(window.Rss.Count >= 15, $"{window.Rss.Count} RSS samples in a second: the dashboard's 25 Hz, not the watch's 2");
        Assert.True(timeline.Oldest < seenUntil - 0.5, "the minutes before the opening are still there");
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not seen: {what}");
            await Task.Delay(25);
        }
    }
}
