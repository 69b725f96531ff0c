using CliWrap;
using CliWrap.Exceptions;

namespace TuiProf.Tests.Processes;

/// <summary>
/// A process a test starts, the one way the tests start one: its output kept and awaitable line by line, and killed
/// with all its descendants when disposed or when its <c>limit</c> passes, so that a test that fails or is timed out
/// by xunit (which then never disposes it) leaves nothing running for long. The command's own validation holds: a
/// command that asks for a zero exit code fails with CliWrap's <see cref="CommandExecutionException"/>.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Command _command;
    private readonly CancellationTokenSource _kill;
    private readonly CommandTask<CommandResult> _run;
    private readonly RuntimeFiles _runtimeFiles;

    private RunningProcess(Command command, TimeSpan limit)
    {
        _command = command;
        _kill = new CancellationTokenSource(limit);
        _run = command.WithStandardOutputPipe(PipeTarget.Merge(command.StandardOutputPipe, Output.Target))
            .WithStandardErrorPipe(PipeTarget.Merge(command.StandardErrorPipe, Error.Target))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_kill.Token);
        _runtimeFiles = new RuntimeFiles(_run.ProcessId);
        Exited = EndAsync();
    }

    /// <summary>Starts <paramref name="command"/>, to be killed after <paramref name="limit"/> at the latest.</summary>
    public static RunningProcess Start(Command command, TimeSpan limit) => new(command, limit);

    /// <summary>Runs <paramref name="command"/> to its end, or kills it and fails after <paramref name="limit"/>.</summary>
    public static async Task<ProcessOutcome> RunAsync(Command command, TimeSpan limit)
    {
        await using var process = Start(command, limit);
        return await process.WaitForExitAsync(limit);
    }

    public OutputLines Output { get; } = new();

    public OutputLines Error { get; } = new();

    public int ProcessId => _run.ProcessId;

    public bool HasExited => _run.Task.IsCompleted;

    /// <summary>The end of the process (faulted with <see cref="OperationCanceledException"/> if it was killed).</summary>
    public Task<ProcessOutcome> Exited { get; }

    /// <summary>Waits for the end; past <paramref name="within"/>, fails naming the command, leaving it running.</summary>
    public async Task<ProcessOutcome> WaitForExitAsync(TimeSpan within)
    {
        try { return await Exited.WaitAsync(within); }
        catch (Exception e) when (e is TimeoutException || e is OperationCanceledException && _kill.IsCancellationRequested)
        {
            throw new TimeoutException($"'{_command}' did not end within {within.TotalSeconds} s:\n{Output.Text}\n{Error.Text}", e);
        }
    }

    /// <summary>Kills what is still running and waits for its end; may be called again. (Cancelling frees the limit's timer.)</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_kill.IsCancellationRequested) await _kill.CancelAsync();
        await _run.Task.ContinueWith(_ => { }, TaskScheduler.Default);
        _runtimeFiles.DeleteLeftovers();
    }

    private async Task<ProcessOutcome> EndAsync()
    {
        var result = await _run;
        var outcome = new ProcessOutcome(result.ExitCode, Output.Text, Error.Text, result.RunTime);
        if (result.ExitCode != 0 && _command.Validation.HasFlag(CommandResultValidation.ZeroExitCode))
            throw new CommandExecutionException(_command, result.ExitCode, $"'{_command}' failed: {outcome}");
        return outcome;
    }
}
