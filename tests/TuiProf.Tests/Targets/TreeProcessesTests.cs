using CliWrap;
using TuiProf.Scenarios;

namespace TuiProf.Tests.Targets;

/// <summary>The controls of the leftover checks: they find what they must, so an empty list means something.</summary>
public sealed class TreeProcessesTests : TargetTest
{
    [Fact(Timeout = 60_000)]
    public async Task Every_process_a_test_starts_is_found_at_any_depth_and_killed()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var shell = DotNetCommands.Marked(Cli.Wrap("sh").WithArguments(["-c", "sleep 30 & (sleep 30 & wait) & wait"]), Tree).ExecuteAsync(limit.Token);
        while (Tree.Alive().Count < 4) await Task.Delay(20, limit.Token); // sh, a subshell, and their sleeps

        Tree.KillAll();

        Assert.Empty(Tree.Alive());
        await shell.Task.ContinueWith(_ => { });
    }

    [Fact(Timeout = 60_000)]
    public async Task A_runtime_held_at_its_startup_pause_is_reported_stuck_and_a_running_one_is_not()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var held = DotNetCommands.Dotnet(Tree, [ScenarioCatalog.AssemblyPath, "baseline", "--loop"],
            new() { ["DOTNET_DefaultDiagnosticPortSuspend"] = "1" }).ExecuteAsync(limit.Token);
        var running = DotNetCommands.Dotnet(Tree, [ScenarioCatalog.AssemblyPath, "baseline", "--loop"]).ExecuteAsync(limit.Token);
        await Faults.Signals.WaitForSocketAsync(held.ProcessId, TimeSpan.FromSeconds(20));
        await Faults.Signals.WaitForSocketAsync(running.ProcessId, TimeSpan.FromSeconds(20));

        var stuck = await Tree.StuckAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([held.ProcessId], stuck.Select(s => int.Parse(s.Split(' ')[0])));
        Assert.Contains("held at runtime startup", stuck[0]);
        Assert.Equal(2, Tree.Alive().Count);
    }
}
