using CliWrap;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests;

/// <summary>A scenario started on its own, outside TuiProf, as a program to attach to; ended on dispose (or after 60 s).</summary>
public sealed class RunningScenario(string name) : IAsyncDisposable
{
    private readonly RunningProcess _process = RunningProcess.Start(
        Cli.Wrap(DotNetHost.Path).WithArguments([ScenarioCatalog.AssemblyPath, name, "--loop"])
            .WithEnvironmentVariables(env => { foreach (var (variable, value) in PinnedRuntime.Environment) env.Set(variable, value); })
            .WithValidation(CommandResultValidation.None),
        TimeSpan.FromSeconds(60));

    public int ProcessId => _process.ProcessId;

    public bool HasExited => _process.HasExited;

    /// <summary>The <paramref name="count"/>-th line the scenario prints (each run ends with one), once printed.</summary>
    public Task WaitForLineAsync(int count, TimeSpan within) =>
        _process.Output.WaitForAsync(_ => --count == 0, within, $"the scenario's line {count}");

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
