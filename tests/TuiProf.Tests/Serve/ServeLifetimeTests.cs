using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Serve;

/// <summary>serve outlives the processes it watches: one killed is dropped, serve goes on, and a signal ends it cleanly.</summary>
public class ServeLifetimeTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task A_watched_process_killed_loses_its_series_and_serve_and_the_others_go_on()
    {
        await using var killed = new RunningScenario("baseline");
        await using var survivor = new RunningScenario("baseline");
        var metrics = $"127.0.0.1:{FreePort.Next()}";
        await using var serve = new RunningTuiProf("serve", "--metrics", metrics, "--pid", $"{killed.ProcessId}", "--pid", $"{survivor.ProcessId}");
        await Eventually.ScrapeHoldsAsync(metrics, text => text.Contains($"pid=\"{killed.ProcessId}\"") && text.Contains($"pid=\"{survivor.ProcessId}\""),
            Within, "both processes' series");

        await killed.DisposeAsync(); // SIGKILL: no exit of its own, its event stream just breaks

        await Eventually.ScrapeHoldsAsync(metrics, text => !text.Contains($"pid=\"{killed.ProcessId}\"") && text.Contains($"pid=\"{survivor.ProcessId}\""),
            Within, "the survivor's series alone");
        Assert.False(survivor.HasExited);
        Assert.Equal(0, (await serve.StopWithAsync("TERM", Within)).ExitCode);
    }
}
