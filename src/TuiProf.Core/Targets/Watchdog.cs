using CliWrap;

namespace TuiProf.Core.Targets;

/// <summary>
/// A tiny shell process that outlives TuiProf by a moment: it reads a pipe only TuiProf writes to, and when the
/// pipe closes (TuiProf ended, however: even SIGKILL) it kills every process started with this launch's mark in its
/// environment, wherever it has moved in the tree. So nothing launched outlives TuiProf, and no .NET process stays
/// paused at startup waiting for a profiler that is not coming.
/// </summary>
internal sealed class Watchdog : IAsyncDisposable
{
    /// <summary>
    /// One grep lists the marked processes (environ entries are NUL-separated); two sweeps, so a process forked
    /// during the first is caught by the second.
    /// </summary>
    private const string Script = """
        cat >/dev/null
        for sweep in 1 2; do
          for environ in $(grep -lzxF "$1=$2" /proc/[0-9]*/environ 2>/dev/null); do
            pid=${environ#/proc/}; kill -KILL "${pid%/environ}" 2>/dev/null
          done
        done
        """;

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _run;

    public Watchdog(string variable, string mark) =>
        _run = Cli.Wrap("sh").WithArguments(["-c", Script, "tuiprof-watchdog", variable, mark])
            .WithStandardInputPipe(PipeSource.Create((_, cancellation) => _release.Task.WaitAsync(cancellation)))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_abandon.Token).Task;

    /// <summary>Closes the pipe: the watchdog kills what is left of the launch, then exits.</summary>
    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        try { await _run.WaitAsync(Grace); }
        catch (Exception) { await _abandon.CancelAsync(); }
    }
}
