using CliWrap;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Targets;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Serve;

/// <summary>
/// A scenario run once, paused at its runtime's start until <see cref="ResumeAsync"/> (as TuiProf's launches are):
/// a watch that reaches it first sees every GC and call it makes. Ended on dispose (or after 60 s).
/// </summary>
public sealed class PausedScenario(string name) : IAsyncDisposable
{
    private readonly RunningProcess _process = RunningProcess.Start(
        Cli.Wrap(DotNetHost.Path).WithArguments([ScenarioCatalog.AssemblyPath, name])
            .WithEnvironmentVariables(env =>
            {
                foreach (var (variable, value) in PinnedRuntime.Environment) env.Set(variable, value);
                env.Set("DOTNET_DefaultDiagnosticPortSuspend", "1");
            })
            .WithValidation(CommandResultValidation.None),
        TimeSpan.FromSeconds(60));

    public int ProcessId => _process.ProcessId;

    public Task<ProcessOutcome> Exited => _process.Exited;

    /// <summary>Waits for its diagnostic socket: from then on it can be attached to, still paused.</summary>
    public async Task WaitUntilAttachableAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (!DiagnosticSocket.IsPublished(ProcessId))
            await Task.Delay(20, deadline.Token);
    }

    public Task ResumeAsync() => Task.Run(() => new DiagnosticsClient(ProcessId).ResumeRuntime());

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
