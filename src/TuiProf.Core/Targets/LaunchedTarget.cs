using System.Threading.Channels;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Targets;

/// <summary>
/// A command TuiProf starts, with every .NET runtime of its process tree: each starts paused (so the profiler can
/// see its first allocation) and is handed over as it appears, the launched process's first. The launch is marked
/// in the environment (<see cref="LaunchMark"/>), so its processes are found however deep they are and ended with
/// it, even if TuiProf dies.
/// </summary>
public sealed class LaunchedTarget(TargetCommand command) : Target
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(1);
    private readonly LaunchMark _mark = new();
    private readonly Channel<RuntimeEndpoint> _descendants = Channel.CreateUnbounded<RuntimeEndpoint>();
    private Watchdog? _watchdog;
    private TargetProcess? _process;
    private RuntimeTreeWatcher? _tree;
    private OrphanReaper? _reaper;
    private volatile string? _lastError;
    private volatile string? _foreign;
    private int? _pid;

    public override string DisplayName => command.DisplayName;

    public override int? RootPid => _pid;

    public override ChannelReader<RuntimeEndpoint> Descendants => _descendants.Reader;


    /// <summary>
    /// What every process of the launch inherits: the runtime waits at startup for a ResumeRuntime (TuiProf sends
    /// it within milliseconds of its socket appearing), and MSBuild keeps no worker nodes alive after the build
    /// (a node left over from another build would do the work out of sight, and ours would be ended with us).
    /// </summary>
    private IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["DOTNET_DefaultDiagnosticPortSuspend"] = "1",
        [LaunchMark.Variable] = _mark.Value,
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    public override async Task<RuntimeEndpoint> StartAsync(Action<TimelineEvent> emit, TimeSpan timeout, CancellationToken cancellation)
    {
        ChildSubreaper.Become();
        _watchdog = new Watchdog(_mark);
        _tree = new RuntimeTreeWatcher(_mark, timeout, foreign =>
        {
            _foreign = $"process {foreign} of its tree runs as another user: not followed (start it on its own and attach with --pid)";
            emit(new Notice(Seconds, _foreign));
        });
        var (process, pid) = await TargetProcess.StartAsync(command, Environment, (text, isError) =>
        {
            if (isError && text.Length > 0) _lastError = text;
            emit(new OutputLine(Seconds, text, isError));
        });
        (_process, _pid) = (process, pid);
        _reaper = new OrphanReaper(_mark, pid);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var deadline = new LaunchDeadline(_mark, timeout);
        // The first runtime to answer: the launched process's own, or, for a launcher that is not .NET (a shell
        // script, make), its first .NET descendant.
        var first = _tree.Found.ReadAsync(waiting.Token).AsTask();
        var passed = deadline.PassedAsync(waiting.Token);
        try
        {
            var ended = await Task.WhenAny(first, process.Exited, passed);
            if (ended == first) return await Found(first);
            if (ended == process.Exited) throw new ProfilerException(ExitedEarly(await process.Exited)); // a command that could not start throws its one line here
            await passed; // cancelled with the caller
            var waited = (int)deadline.Elapsed.TotalSeconds; // what the user was made to wait for the runtime, not the grace below
            // A target that died at once: its exit event may still be on its way; wait for it a moment.
            if (await Task.WhenAny(process.Exited, Task.Delay(ExitGrace, cancellation)) == process.Exited && process.Exited.IsCompletedSuccessfully)
                throw new ProfilerException(ExitedEarly(process.Exited.Result));
            throw new ProfilerException(LocalRuntime.NoEndpoint(pid, $" after {waited} s") +
                                        (_foreign is { } foreign ? $"; {foreign}" : ", and none of its child processes is a .NET program"));
        }
        finally
        {
            await waiting.CancelAsync(); // ends the read or the deadline, whichever still waits
        }
    }

    private async Task<RuntimeEndpoint> Found(Task<RuntimeEndpoint> first)
    {
        var runtime = await first;
        _ = ForwardDescendantsAsync();
        return runtime;
    }

    public override async ValueTask DisposeAsync()
    {
        _tree?.Dispose();
        _reaper?.Dispose();
        if (_process is not null) await _process.KillAsync();
        if (_watchdog is not null) await _watchdog.DisposeAsync();
        _descendants.Writer.TryComplete();
    }

    private async Task ForwardDescendantsAsync()
    {
        await foreach (var runtime in _tree!.Found.ReadAllAsync())
            _descendants.Writer.TryWrite(runtime);
        _descendants.Writer.TryComplete();
    }

    private string ExitedEarly(int code) =>
        $"'{command.DisplayName}' exited with code {code} before its .NET runtime answered{(_lastError is { } last ? $": {last}" : "")}";

    /// <summary>The launched process's exit ends the target, whatever its descendants do.</summary>
    public override async Task<TargetEnd> EndAsync(Task streamEnded)
    {
        if (_process is null) return new TargetEnd(true, null);
        try { return new TargetEnd(true, await _process.Exited); }
        catch (ProfilerException) { return new TargetEnd(true, null); }
    }
}
