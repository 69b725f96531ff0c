using CliWrap;
using TuiProf.Core.Targets;
using TuiProf.Scenarios;
using TuiProf.Targets;

namespace TuiProf.Benchmarks;

/// <summary>A .NET process the tools watch, started by this harness so that both tools watch the same one; ended on dispose.</summary>
public sealed class WatchedProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _run;

    private WatchedProcess(CancellationTokenSource stop, Task run, int pid) => (_stop, _run, Pid) = (stop, run, pid);

    public int Pid { get; }

    /// <summary>A built-in scenario with <c>--loop</c>, launched as TuiProf launches it (the runtime pins included).</summary>
    public static Task<WatchedProcess> ScenarioAsync(string name) =>
        StartAsync([ScenarioCatalog.AssemblyPath, name, "--loop"], _ => { });

    /// <summary>One of this executable's bench targets, its output lines handed to <paramref name="onLine"/>.</summary>
    public static Task<WatchedProcess> BenchTargetAsync(string name, Action<string> onLine) => StartAsync([Tools.Self, "target", name], onLine);

    private static async Task<WatchedProcess> StartAsync(string[] arguments, Action<string> onLine)
    {
        var stop = new CancellationTokenSource();
        var command = Cli.Wrap(DotNetHost.Path).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(env => { foreach (var (name, value) in PinnedRuntime.Environment) env.Set(name, value); })
            .WithStandardOutputPipe(PipeTarget.ToDelegate(onLine));
        var run = command.ExecuteAsync(stop.Token);
        // Attached tools need its diagnostics socket: wait for it (a second or so of runtime start).
        while (!DiagnosticSocket.IsPublished(run.ProcessId))
        {
            if (run.Task.IsCompleted) throw new InvalidOperationException($"{string.Join(' ', arguments)} ended at start");
            await Task.Delay(20);
        }
        return new WatchedProcess(stop, run.Task, run.ProcessId);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync(); // CliWrap kills the process
        try { await _run; }
        catch (OperationCanceledException) { /* as asked */ }
        _stop.Dispose();
    }
}
