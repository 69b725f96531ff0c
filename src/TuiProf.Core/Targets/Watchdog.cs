using CliWrap;

namespace TuiProf.Core.Targets;

/// <summary>
/// A tiny shell process that outlives TuiProf by a moment: it reads a pipe only TuiProf writes to, and when the
/// pipe closes (TuiProf ended, however: even SIGKILL) it kills every process of this user started with this launch's
/// mark in its environment, wherever it has moved in the tree. So nothing launched outlives TuiProf, and no .NET
/// process stays paused at startup waiting for a profiler that is not coming.
/// </summary>
internal sealed class Watchdog : IAsyncDisposable
{
    /// <summary>The watchdog's own variable for the mark: one named as the mark would make it kill itself.</summary>
    private const string MarkVariable = "TUIPROF_WATCHDOG_MARK";

    /// <summary>
    /// One grep lists the marked processes (environ entries are NUL-separated); two sweeps, so a process forked
    /// during the first is caught by the second. The mark never appears in an argument list, which every user can
    /// read in /proc: printf is the shell's own, and grep reads its pattern from a pipe. A process whose real or
    /// effective uid is not the watchdog's is not ours to kill, whatever its environment says.
    /// </summary>
    private const string Script = $$"""
        cat >/dev/null
        uids() { while read -r key real effective rest; do [ "$key" = Uid: ] && echo "$real $effective" && return; done <"/proc/$1/status"; }
        ours=$(uids $$)
        for sweep in 1 2; do
          for environ in $(printf '%s=%s' "$1" "${{MarkVariable}}" | grep -lzxF -f - /proc/[0-9]*/environ 2>/dev/null); do
            pid=${environ#/proc/}; pid=${pid%/environ}
            [ "$(uids "$pid" 2>/dev/null)" = "$ours" ] && kill -KILL "$pid" 2>/dev/null
          done
        done
        """;

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _run;

    public Watchdog(LaunchMark mark) =>
        _run = Cli.Wrap("sh").WithArguments(["-c", Script, "tuiprof-watchdog", LaunchMark.Variable])
            .WithEnvironmentVariables(env => env.Set(MarkVariable, mark.Value))
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
