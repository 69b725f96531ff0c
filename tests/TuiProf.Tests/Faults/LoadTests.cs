using System.Text.RegularExpressions;
using CliWrap;
using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.Pipeline;
using TuiProf.Tests.Tui;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Faults;

public partial class LoadTests
{
    [Theory(Timeout = 120_000)]
    [InlineData(Machine.AsItIs)]
    [InlineData(Machine.LargeCache)]
    public async Task At_hundreds_of_gcs_a_second_not_one_gc_is_lost(Machine machine)
    {
        var events = await LoopRecording.RecordAsync("churn", machine);

        var first = events.OfType<OutputLine>().First(l => l.Text.StartsWith("Churned"));
        var printed = int.Parse(GcCount().Match(first.Text).Groups[1].Value);
        // ~2 700 in the first run's 3 s on an idle 2-core machine; how many the loop manages depends on the CPU it
        // gets (51 on one shared by four test runs). What must hold at any rate is that not one GC is lost.
        Assert.True(printed > 30, $"only {printed} GCs in the first run: not a stress");
        var numbers = events.OfType<GcEvent>().Select(g => g.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(1, printed), numbers.Take(printed));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_simulated_large_cache_is_one_an_unpinned_churn_makes_few_gcs_on()
    {
        // Without the scenario's pin, the simulation must reproduce what a 260 MiB L3 did (a gen-0 budget of ~128 MB),
        // or the large-cache tests would check nothing.
        var result = await RunningProcess.RunAsync(Cli.Wrap(DotNetHost.Path).WithArguments([ScenarioCatalog.AssemblyPath, "churn"])
            .WithEnvironmentVariables(env => { foreach (var (name, value) in MachineEnvironment.Of(Machine.LargeCache)) env.Set(name, value); }),
            TimeSpan.FromSeconds(60));

        // Allocated bytes a GC, not GCs a second: a busy CPU slows the loop, not the budget (pinned: 3-6 MB).
        var printed = GcCount().Match(result.StandardOutput);
        var perGc = double.Parse(printed.Groups[2].Value) / int.Parse(printed.Groups[1].Value);
        Assert.True(perGc > 40, $"a gen-0 GC every {perGc:0.0} MB allocated");
        Assert.Contains("DOTNET_GCgen0size", result.StandardError); // the scenario says it is not pinned
    }

    [Fact(Timeout = 120_000)]
    public async Task The_screen_stays_responsive_while_churn_collects_hundreds_of_times_a_second()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30);
        await tui.WaitForRunningTargetAsync("a running target");
        await tui.SendKeysAsync("7");
        await tui.WaitForAsync(s => s.Contains("churn  pid") && GenZero().Match(s) is { Success: true } m && int.Parse(m.Groups[1].Value) > 1000,
            "over a thousand gen-0 GCs counted");

        // The median of five: on a CI machine of 2 cores, churn holds one and the other tests share the rest, so one
        // press can stall for a second whatever TuiProf does; a screen that keys queue behind is slow every time.
        var latencies = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await tui.SendKeysAsync("?");
            await tui.WaitForAsync(s => s.Contains("any key closes this help"), "the help box", seconds: 5);
            latencies.Add(clock.ElapsedMilliseconds);
            await tui.SendKeysAsync("Escape");
            await tui.WaitForAsync(s => !s.Contains("any key closes this help"), "the help box closed", seconds: 5);
        }
        Assert.True(latencies.Order().ElementAt(2) < 1000, $"help took {string.Join(", ", latencies)} ms under churn");
    }

    [Fact]
    public void Once_the_buffers_are_full_more_hours_of_data_add_no_memory()
    {
        // The full-rate buffers hold about an hour of a busy target (see TimelineCapacity); two hours fill every one of
        // them. What they pass on is summarised per second and per minute: two more hours of that are a few hundred KB.
        var timeline = new Core.Timeline.Timeline();
        Feed(timeline, 0, 7200);
        var full = GC.GetTotalMemory(forceFullCollection: true);
        Feed(timeline, 7200, 7200);
        var twoHoursLater = GC.GetTotalMemory(forceFullCollection: true);

        Assert.True(twoHoursLater < full * 1.1, $"{full / 1e6:0.0} MB when full, {twoHoursLater / 1e6:0.0} MB two hours later");
        Assert.Equal(4 * 3600 * 10, timeline.Stats().GcCountByGeneration.Sum()); // totals stay exact though buffers dropped
        var frame = ChartRenderer.Render(timeline.Window(4 * 3600 - 2, 4 * 3600), 200, 50, ChartGlyphs.Unicode);
        Assert.Contains("Tick", frame.ToString());
    }

    /// <summary>A busy target: RSS and heap at 25 Hz, 10 GCs and 5 calls a second.</summary>
    private static void Feed(Core.Timeline.Timeline timeline, double from, int seconds)
    {
        for (var i = 0; i < seconds * 25; i++)
        {
            var t = from + i / 25.0;
            timeline.Apply(new MemorySample(t, Rss: 100_000_000 + i % 1000 * 1000));
            timeline.Apply(new MemorySample(t, Heap: 50_000_000 + i % 700 * 1000));
            if (i % 5 == 0) timeline.Apply(new Bracket(t, t + 0.1, $"{t}", "Tick", 0, 1));
            if (i % 5 < 2) timeline.Apply(new GcEvent(t, 0, i % 3, "AllocSmall", "NonConcurrentGC", 1, 1, null, null));
        }
    }

    [GeneratedRegex(@"gen-0 GCs so far: (\d+), allocated so far: (\d+) MB")]
    private static partial Regex GcCount();

    [GeneratedRegex(@"GCs (\d+)/")]
    private static partial Regex GenZero();
}
