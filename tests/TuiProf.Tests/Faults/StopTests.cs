using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Faults;

/// <summary>Ctrl-C and SIGTERM end a heap snapshot's wait within 2 s, and what was taken is printed.</summary>
public class StopTests
{
    /// <summary>What the user was promised; the signal's handling is the thing tested, so no margin.</summary>
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Theory(Timeout = 60_000)]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_signal_while_heap_waits_for_its_first_snapshot_ends_it_in_one_line_and_ends_the_scenario(string signal, int code)
    {
        await using var heap = new RunningTuiProf("heap", "baseline", "--wait", "30");
        await heap.WaitForErrorLineAsync("first snapshot in 30 s", Limit);
        var (target, _) = Signals.TargetAndWatchdogOf(heap.ProcessId);

        var (exitCode, took) = await heap.StopWithAsync(signal, Limit);

        Assert.True(took < Promised, $"took {took} after SIG{signal}");
        Assert.Equal(code, exitCode);
        Assert.Equal("", heap.StandardOutput);
        Assert.Equal($"tuiprof: stopped by SIG{signal}", heap.StandardError[^1]);
        Assert.True(await Signals.GoneWithinAsync(target, TimeSpan.FromSeconds(5)), $"scenario {target} outlived tuiprof");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_signal_while_heap_waits_for_its_second_snapshot_prints_the_first_says_why_and_leaves_the_attached_target_running(
        string signal, int code)
    {
        await using var target = new RunningScenario("baseline");
        await Signals.WaitForSocketAsync(target.ProcessId, Limit);
        await using var heap = new RunningTuiProf("heap", "--pid", $"{target.ProcessId}", "--diff", "30");
        await heap.WaitForErrorLineAsync("second snapshot in 30 s", Limit);

        var (exitCode, took) = await heap.StopWithAsync(signal, Limit);

        Assert.True(took < Promised, $"took {took} after SIG{signal}");
        Assert.Equal(code, exitCode);
        Assert.StartsWith("heap at ", heap.StandardOutput);
        Assert.Contains($"the second snapshot was not taken: stopped by SIG{signal}", heap.StandardOutput);
        Assert.False(target.HasExited, "the attached target was ended");
    }

    [Fact(Timeout = 60_000)]
    public async Task Heap_diff_of_a_target_that_exits_before_the_second_snapshot_prints_the_first_and_its_exit_code()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await TuiProfCli.RunAsync("heap", "--wait", "0", "--diff", "30", "--format", "json",
            "--", DotNetHost.Path, ScenarioCatalog.AssemblyPath, "baseline");

        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}: {result.StandardError}");
        using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        Assert.True(json.RootElement.GetProperty("snapshot").GetProperty("objects").GetInt64() > 0);
        Assert.StartsWith("the second snapshot was not taken: the target exited (code 0)",
            json.RootElement.GetProperty("secondNotTaken").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"waited {clock.Elapsed} for a target that had exited");
    }
}
