using System.Text.Json;
using TuiProf.Core.Heap;
using TuiProf.Core.Timeline;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Pipeline;

namespace TuiProf.Tests.Heap;

/// <summary><c>tuiprof heap --suspects</c> on real scenario processes: what leaks is ranked, what does not is not.</summary>
public class LeakSuspectsRunTests
{
    [Fact(Timeout = 120_000)]
    public async Task On_leak_the_buffers_are_the_first_suspect_held_by_the_static_event()
    {
        var result = await TuiProfCli.RunAsync("heap", "leak", "--suspects", "--every", "1", "--count", "3", "--format", "json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var first = json.RootElement.GetProperty("suspects")[0];
        Assert.Equal("System.Byte[]", first.GetProperty("type").GetString());
        Assert.Contains("static field TuiProf.Scenarios.Leak.ConfigurationChanged", first.GetProperty("path").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("snapshots").GetArrayLength());
    }

    [Theory(Timeout = 120_000)]
    [InlineData("baseline")]
    [InlineData("churn")]
    public async Task A_scenario_that_does_not_leak_has_no_suspect(string scenario)
    {
        var result = await TuiProfCli.RunAsync("heap", scenario, "--suspects", "--every", "1", "--count", "3");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.StartsWith("no leak suspects over 3 snapshots", result.StandardOutput);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_target_that_exits_during_the_series_gets_one_line_and_the_snapshots_taken_so_far_ranked()
    {
        // One run of leak (about 2 s), then it exits: the series of ten cannot finish.
        var result = await TuiProfCli.RunAsync("heap", "--wait", "0.2", "--suspects", "--every", "0.5", "--count", "10",
            "--", DotNetHost.Path, ScenarioCatalog.AssemblyPath, "leak");

        Assert.Equal(1, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^the series stopped after \d of 10 snapshots: the target exited \(code 0\)", lines[0]);
        Assert.Matches(@"^(leak suspects|no leak suspects) over \d snapshots", lines[1]);
        Assert.All(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("tuiprof: ", l));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_rate_of_the_first_suspect_on_leak_is_within_a_fifth_of_what_its_calls_leaked()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var session = await Recorder.StartAsync("leak", loop: true, timeout.Token);
        var snapshotter = new HeapSnapshotter(session.Runtime());
        await Recorder.WaitForAsync<Bracket>(session, b => b.Name == "HandleRequest", TimeSpan.FromSeconds(20));
        var series = new List<HeapSnapshot>();
        var calls = new List<BracketStarted>();
        for (var i = 0; i < 3; i++)
        {
            if (i > 0) await CollectAsync(session, calls, TimeSpan.FromSeconds(1.5));
            series.Add(await snapshotter.TakeAsync(timeout.Token));
        }
        await CollectAsync(session, calls, TimeSpan.FromSeconds(0.5)); // the calls read while the last dump ran

        var suspect = LeakSuspects.Rank(series, 3)[0];

        // Each HandleRequest call leaks one 2 MB buffer, allocated as it starts.
        var (from, to) = (Seconds(session, series[0]), Seconds(session, series[^1]));
        var leaked = calls.Count(c => c.Name == "HandleRequest" && c.T > from && c.T < to) * 2_000_000.0;
        var truth = leaked / ((to - from) / 60);
        Assert.Equal("System.Byte[]", suspect.Type);
        Assert.True(suspect.BytesPerMinute > truth * 0.8 && suspect.BytesPerMinute < truth * 1.2,
            $"{suspect.BytesPerMinute / 1e6:0.0} MB/min ranked, {truth / 1e6:0.0} MB/min leaked by the calls");
    }

    private static double Seconds(Core.Diagnostics.ProfilingSession session, HeapSnapshot snapshot) =>
        (snapshot.TakenAtUtc - session.OriginUtc).TotalSeconds;

    /// <summary>Reads the session's events for a while, keeping the calls that started.</summary>
    private static async Task CollectAsync(Core.Diagnostics.ProfilingSession session, List<BracketStarted> calls, TimeSpan during)
    {
        using var stop = new CancellationTokenSource(during);
        try
        {
            await foreach (var e in session.Events.ReadAllAsync(stop.Token))
                if (e is BracketStarted started) calls.Add(started);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }
}
