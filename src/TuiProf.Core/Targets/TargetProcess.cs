using System.Text;
using CliWrap;
using CliWrap.EventStream;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Targets;

/// <summary>
/// A launched process, started with the environment it is given and its output captured line by line. Ending it
/// kills its process tree (what has moved out of the tree is the watchdog's).
/// </summary>
internal sealed class TargetProcess
{
    private readonly CancellationTokenSource _kill = new();
    private readonly TaskCompletionSource<int> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _run = Task.CompletedTask;

    /// <summary>The exit code once the process has exited.</summary>
    public Task<int> Exited => _exited.Task;

    public static async Task<(TargetProcess Process, int Pid)> StartAsync(TargetCommand command,
        IReadOnlyDictionary<string, string?> environment, Action<string, bool> output)
    {
        var target = new TargetProcess();
        var cli = Cli.Wrap(command.FileName)
            .WithArguments(command.Arguments)
            .WithEnvironmentVariables(env =>
            {
                foreach (var (name, value) in command.Environment ?? new Dictionary<string, string>()) env.Set(name, value);
                foreach (var (name, value) in environment) env.Set(name, value);
            })
            .WithValidation(CommandResultValidation.None);
        target._run = Task.Run(() => target.ListenAsync(cli, output));
        var pid = await target._started.Task;
        return (target, pid);
    }

    public async Task KillAsync()
    {
        await _kill.CancelAsync();
        await _run;
    }

    private async Task ListenAsync(Command cli, Action<string, bool> output)
    {
        try
        {
            await foreach (var e in cli.ListenAsync(Encoding.UTF8, Encoding.UTF8, _kill.Token, CancellationToken.None))
            {
                switch (e)
                {
                    case StartedCommandEvent started: _started.TrySetResult(started.ProcessId); break;
                    case StandardOutputCommandEvent line: output(line.Text, false); break;
                    case StandardErrorCommandEvent line: output(line.Text, true); break;
                    case ExitedCommandEvent exited: _exited.TrySetResult(exited.ExitCode); break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            _exited.TrySetResult(137); // killed by us: 128 + SIGKILL, as a shell would report it
        }
        catch (Exception e)
        {
            var error = new ProfilerException($"cannot start '{cli.TargetFilePath}': {FirstLine(e.Message)}", e);
            _started.TrySetException(error);
            _exited.TrySetException(error);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
