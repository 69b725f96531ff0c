using System.Collections.Concurrent;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Fleet;

/// <summary>
/// Watches the .NET processes of a host: every one of this user's (as <c>tuiprof ps</c> lists them), or only those
/// named. Each gets a session of its own as it appears (<see cref="WatchedProcess"/>) and is dropped when it exits;
/// one tick a <see cref="Period"/> finds new ones and reads every RSS.
/// </summary>
public sealed class HostWatch(HostWatchOptions options) : IAsyncDisposable
{
    /// <summary>How often processes are looked for and RSS read: a new process is listed within it.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, WatchedProcess> _processes = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>The processes listed now, by PID (ports last).</summary>
    public IReadOnlyList<WatchedProcess> Processes =>
        _processes.Values.OrderBy(p => p.Pid ?? int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>Raised (on the watch's thread) after a tick in which a process appeared or went.</summary>
    public event Action? Changed;

    public void Start() => _loop = Task.Run(LoopAsync);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        // Every session ends, each within its own bound, all at once.
        await Task.WhenAll(_processes.Values.Select(p => p.DisposeAsync().AsTask()));
    }

    private async Task LoopAsync()
    {
        using var tick = new PeriodicTimer(Period);
        do
        {
            var changed = false;
            foreach (var (key, process) in _processes)
            {
                if (!process.Gone)
                {
                    process.SampleRss();
                    continue;
                }
                _processes.TryRemove(key, out _);
                _ = process.DisposeAsync().AsTask();
                changed = true;
            }
            foreach (var (key, pid, target) in Wanted())
            {
                if (_processes.ContainsKey(key)) continue;
                var process = new WatchedProcess(key, pid, target, options.Session, options.Observer);
                _processes[key] = process;
                process.Start();
                changed = true;
            }
            if (changed) Changed?.Invoke();
        }
        while (await tick.WaitForNextTickAsync(_stop.Token).AsTask()
                   .ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    private IEnumerable<(string Key, int? Pid, Func<Target> Target)> Wanted()
    {
        if (options.Pids.Count == 0 && options.Ports.Count == 0)
            return ProcessInfo.Attachable().Select(p => ($"pid {p.Pid}", (int?)p.Pid, (Func<Target>)(() => new AttachedTarget(p.Pid))));
        return options.Pids.Where(ProcessInfo.IsAlive).Select(pid => ($"pid {pid}", (int?)pid, (Func<Target>)(() => new AttachedTarget(pid))))
            .Concat(options.Ports.Select(port => (port.Path, (int?)null, (Func<Target>)(() => new DiagnosticPortTarget(port)))));
    }
}

/// <summary>What a <see cref="HostWatch"/> watches and reads.</summary>
/// <param name="Pids">Only these processes; none named (nor ports): every .NET process of this user.</param>
/// <param name="Ports">Runtimes reached through a diagnostic port (in a container, another PID namespace).</param>
/// <param name="Observer">Sees every event of every watched process as it arrives (an exporter).</param>
public sealed record HostWatchOptions(IReadOnlyList<int> Pids, IReadOnlyList<DiagnosticPortAddress> Ports, SessionOptions Session,
    Action<WatchedProcess, TimelineEvent>? Observer = null)
{
    /// <summary>
    /// Counters at dotnet-counters' 1 s and GC events; no brackets, no RSS sampler (the watch's tick reads RSS
    /// twice a second): what a process not on screen needs, no more.
    /// </summary>
    public static SessionOptions LightSession { get; } = new()
    {
        SamplePeriod = null, Brackets = false, ConnectTimeout = TimeSpan.FromSeconds(3), Follow = FollowRule.None,
    };
}
