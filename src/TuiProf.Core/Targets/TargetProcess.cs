using System.Text;
using CliWrap;
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
        var cli = InSessionOfItsOwn(command)
            .WithEnvironmentVariables(env =>
            {
                foreach (var (name, value) in command.Environment ?? new Dictionary<string, string>()) env.Set(name, value);
                foreach (var (name, value) in environment) env.Set(name, value);
            })
            .WithValidation(CommandResultValidation.None);
        target._run = Task.Run(() => target.ListenAsync(cli, command.FileName, output));
        var pid = await target._started.Task;
        return (target, pid);
    }

    /// <summary>
    /// The command in a session of its own, without a controlling terminal: what it writes reaches TuiProf's terminal
    /// only through the pipes TuiProf reads (and spells out), never through <c>/dev/tty</c>, and it cannot read the
    /// keys meant for TuiProf. <c>setsid</c> makes the session and execs the command in place, so the PID stays the
    /// command's. A command that cannot be found is said here, as it would be without <c>setsid</c>.
    /// </summary>
    private static Command InSessionOfItsOwn(TargetCommand command)
    {
        if (ExecutableOnPath(command.FileName) is null)
            throw new ProfilerException($"cannot start '{command.FileName}': no such executable file" +
                                        (command.FileName.Contains('/') ? "" : " on PATH"));
        return File.Exists(SetSid)
            ? Cli.Wrap(SetSid).WithArguments(["--", command.FileName, .. command.Arguments])
            : Cli.Wrap(command.FileName).WithArguments(command.Arguments);
    }

    private const string SetSid = "/usr/bin/setsid";

    /// <summary>The file a command name runs, as <c>execvp</c> finds it: a path as it is, a bare name on PATH.</summary>
    private static string? ExecutableOnPath(string name)
    {
        var candidates = name.Contains('/')
            ? [name]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Join(folder, name));
        return candidates.FirstOrDefault(IsExecutableFile);
    }

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    public async Task KillAsync()
    {
        await _kill.CancelAsync();
        await _run;
    }

    private async Task ListenAsync(Command cli, string fileName, Action<string, bool> output)
    {
        try
        {
            var running = cli.WithStandardOutputPipe(OutputLines.To(text => output(text, false)))
                .WithStandardErrorPipe(OutputLines.To(text => output(text, true)))
                .ExecuteAsync(_kill.Token);
            _started.TrySetResult(running.ProcessId);
            _exited.TrySetResult((await running).ExitCode); // after the last line of its output
        }
        catch (OperationCanceledException)
        {
            _exited.TrySetResult(137); // killed by us: 128 + SIGKILL, as a shell would report it
        }
        catch (Exception e)
        {
            var error = new ProfilerException($"cannot start '{fileName}': {FirstLine(e.Message)}", e);
            _started.TrySetException(error);
            _exited.TrySetException(error);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
