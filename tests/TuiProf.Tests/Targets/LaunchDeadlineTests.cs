using System.Diagnostics;
using CliWrap;
using TuiProf.Core.Targets;
using TuiProf.Scenarios;
using TuiProf.Targets;

namespace TuiProf.Tests.Targets;

public class LaunchDeadlineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    [Fact(Timeout = 30_000)]
    public async Task A_launch_whose_dotnet_runtime_is_still_starting_is_waited_for_past_the_timeout_until_it_ends()
    {
        var mark = new LaunchMark();
        using var kill = new CancellationTokenSource();
        // Nothing resumes it: the runtime stays paused at startup, as a slow one is before its socket answers.
        var runtime = Cli.Wrap(DotNetHost.Path).WithArguments([ScenarioCatalog.AssemblyPath, "baseline"])
            .WithEnvironmentVariables(e => e.Set(LaunchMark.Variable, mark.Value).Set("DOTNET_DefaultDiagnosticPortSuspend", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(kill.Token);
        await WaitUntilAsync(() => DiagnosticSocket.IsPublished(runtime.ProcessId));

        var passed = new LaunchDeadline(mark, Timeout).PassedAsync(CancellationToken.None);
        var early = await Task.WhenAny(passed, Task.Delay(Timeout * 5));
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await runtime);

        Assert.NotSame(passed, early);
        await passed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_launch_with_no_dotnet_process_has_its_deadline_at_the_timeout()
    {
        var mark = new LaunchMark();
        using var kill = new CancellationTokenSource();
        var sleep = Cli.Wrap("sleep").WithArguments("30").WithEnvironmentVariables(e => e.Set(LaunchMark.Variable, mark.Value))
            .ExecuteAsync(kill.Token);
        var deadline = new LaunchDeadline(mark, Timeout);

        await deadline.PassedAsync(CancellationToken.None);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await sleep);

        Assert.InRange(deadline.Elapsed, Timeout, LaunchDeadline.StartingLimit / 2);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = Stopwatch.StartNew(); !condition(); await Task.Delay(20))
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the runtime never published its socket");
    }
}
