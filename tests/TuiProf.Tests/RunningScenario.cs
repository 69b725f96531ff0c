using CliWrap;
using TuiProf.Scenarios;
using TuiProf.Targets;

namespace TuiProf.Tests;

/// <summary>A scenario started on its own, outside TuiProf, as a program to attach to; ended on dispose (or after 60 s).</summary>
public sealed class RunningScenario : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
    private readonly CommandTask<CommandResult> _process;

    public RunningScenario(string name) =>
        _process = Cli.Wrap(DotNetHost.Path).WithArguments([ScenarioCatalog.AssemblyPath, name, "--loop"])
            .WithEnvironmentVariables(env => { foreach (var (name, value) in PinnedRuntime.Environment) env.Set(name, value); })
            .WithValidation(CommandResultValidation.None).ExecuteAsync(_stop.Token);

    public int ProcessId => _process.ProcessId;

    public bool HasExited => _process.Task.IsCompleted;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _process.Task.ContinueWith(_ => { });
        _stop.Dispose();
    }
}
