using System.Threading.Channels;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Targets;

/// <summary>
/// A way to reach the runtime(s) to profile: a launched command (with its .NET descendants), a running process,
/// or a diagnostic port. Each hands over the runtimes it reaches, paused at startup where it could pause them, and
/// says when it is gone; the session decides what to read from them (<see cref="Sources"/>).
/// </summary>
public abstract class Target : IAsyncDisposable
{
    protected static readonly ChannelReader<RuntimeEndpoint> NoDescendants = CompletedChannel();

    /// <summary>
    /// Time zero of every event: when the target was launched, or when we attached, unless the events are to continue
    /// a timeline begun earlier (a process's row under top, opened).
    /// </summary>
    public DateTime OriginUtc { get; init; } = DateTime.UtcNow;

    public abstract string DisplayName { get; }

    /// <summary>The launched or attached process, when it is a process of this machine's PID namespace.</summary>
    public abstract int? RootPid { get; }

    /// <summary>Reaches the target's runtime; a launched or listened-for one is still paused at its start.</summary>
    /// <param name="emit">Where the target's own events go (a launched program's output lines).</param>
    public abstract Task<RuntimeEndpoint> StartAsync(Action<TimelineEvent> emit, TimeSpan timeout, CancellationToken cancellation);

    /// <summary>More runtimes as they appear (a launched command's .NET descendants), each paused until resumed.</summary>
    public virtual ChannelReader<RuntimeEndpoint> Descendants => NoDescendants;

    /// <summary>
    /// Completes when the target is gone, or when its runtime's event stream ended while the process lives on (a
    /// process reached by PID). <paramref name="streamEnded"/>: the target's own runtime stream has ended.
    /// </summary>
    public abstract Task<TargetEnd> EndAsync(Task streamEnded);

    /// <summary>
    /// Lets a paused runtime run. Harmless for one that was never paused; a runtime already gone, or not answering
    /// (its request stays queued and is read when it continues), is passed over.
    /// </summary>
    public virtual async Task ResumeAsync(RuntimeEndpoint runtime)
    {
        try { await RuntimeCall.AskBlockingAsync(runtime, () => { runtime.Client.ResumeRuntime(); return true; }); }
        catch (Exception) { /* not paused (a 'nosuspend' runtime), gone or stopped: nothing waits on us */ }
    }

    protected double Seconds => (DateTime.UtcNow - OriginUtc).TotalSeconds;

    /// <summary>Ends what TuiProf launched (the whole tree); a target it only reached is left running.</summary>
    public abstract ValueTask DisposeAsync();

    private static ChannelReader<RuntimeEndpoint> CompletedChannel()
    {
        var channel = Channel.CreateBounded<RuntimeEndpoint>(1);
        channel.Writer.Complete();
        return channel.Reader;
    }
}

/// <summary>How a target ended: whether it is gone, and its exit code when it was ours to know.</summary>
public sealed record TargetEnd(bool Gone, int? ExitCode);
