using TuiProf.Core.Timeline;

namespace TuiProf.Core.Targets;

/// <summary>A running .NET process of this machine, by PID. Never paused, never ended: only detached from.</summary>
public sealed class AttachedTarget(int pid) : Target
{
    // A process's exit ends its event stream at once; this poll only catches one that somehow did not.
    private static readonly TimeSpan AlivePoll = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _detached = new();

    public override string DisplayName => ProcessInfo.NameOf(pid) is { Length: > 0 } name ? name : $"pid {pid}";

    public override int? RootPid => pid;


    public override async Task<RuntimeEndpoint> StartAsync(Action<TimelineEvent> emit, TimeSpan timeout, CancellationToken cancellation)
    {
        EnsureAttachable(pid);
        return await LocalRuntime.ConnectAsync(pid, timeout, cancellation);
    }

    /// <summary>
    /// Says in one line why <paramref name="pid"/> cannot be attached to, before anything waits on it: not running,
    /// no diagnostics socket, or one that is another process's. A screen asks this before it opens.
    /// </summary>
    public static void EnsureAttachable(int pid)
    {
        if (pid <= 0 || !ProcessInfo.IsAlive(pid))
            throw new ProfilerException($"process {pid} is not running");
        // A running process either has its socket already or never will: no point waiting.
        if (!Microsoft.Diagnostics.NETCore.Client.DiagnosticsClient.GetPublishedProcesses().Contains(pid))
            throw new ProfilerException(LocalRuntime.NoEndpoint(pid, "") + ", or it belongs to another user");
        if (DiagnosticSocket.NamesAnotherProcess(pid))
        {
            var (directory, named) = DiagnosticSocket.WhereClientLooks(pid);
            throw new ProfilerException($"process {pid} has no diagnostics socket of its own: the one named with {named} in " +
                                        $"{directory} is another process's (a dead runtime's, or one numbered {named} in its own PID namespace)");
        }
    }

    public override async ValueTask DisposeAsync() => await _detached.CancelAsync();

    /// <summary>Never paused: no request to send (to a stopped process it would only wait).</summary>
    public override Task ResumeAsync(RuntimeEndpoint runtime) => Task.CompletedTask;

    /// <summary>Not our child: its exit is seen by polling, and its code is not ours to know.</summary>
    public override async Task<TargetEnd> EndAsync(Task streamEnded)
    {
        try
        {
            while (ProcessInfo.IsAlive(pid) && !streamEnded.IsCompleted)
                await Task.WhenAny(streamEnded, Task.Delay(AlivePoll, _detached.Token));
        }
        catch (OperationCanceledException) { }
        return new TargetEnd(!ProcessInfo.IsAlive(pid), null);
    }
}
