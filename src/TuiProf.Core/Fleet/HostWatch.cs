using System.Collections.Concurrent;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Fleet;

/// <summary>
/// Watches the .NET processes of a host: every one of this user's (as <c>tuiprof ps</c> lists them), or only those
/// named. Each gets a session of its own as it appears (<see cref="WatchedProcess"/>) and is dropped when it exits.
/// A tick every <see cref="Period"/> reads every RSS and drops the gone; the temporary directory, where runtimes put
/// their diagnostics sockets, is read when a socket is created there (and every <see cref="RescanPeriod"/>): a
/// directory of thousands of stale sockets took a third of a second to read, and each PID checked reads it again.
/// </summary>
public sealed class HostWatch(HostWatchOptions options) : IAsyncDisposable
{
    /// <summary>How often RSS is read and exits are seen.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    /// <summary>How often all the sockets are read, not only those seen created (one missed, or no inotify).</summary>
    private static readonly TimeSpan RescanPeriod = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, WatchedProcess> _processes = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly AutoResetEvent _socketCreated = new(false);
    private readonly ConcurrentQueue<int> _created = new(); // PIDs of sockets created since the last tick
    private FileSystemWatcher? _sockets;
    private Task _loop = Task.CompletedTask;

    /// <summary>The processes listed now, by PID (ports last).</summary>
    public IReadOnlyList<WatchedProcess> Processes =>
        _processes.Values.OrderBy(p => p.Pid ?? int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>Completes once the processes there were at the start are listed (a temporary directory of many stale sockets takes a while).</summary>
    public Task FirstLook => _firstLook.Task;

    private readonly TaskCompletionSource _firstLook = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised (on the watch's thread) after a tick in which a process appeared or went.</summary>
    public event Action? Changed;

    private bool WholeHost => options.Pids.Count == 0 && options.Ports.Count == 0;

    /// <summary>
    /// Starts the tick on a thread of its own: reaching a dozen runtimes at once blocks pool threads (the diagnostics
    /// client's calls are synchronous), and a tick on the pool then came seconds late.
    /// </summary>
    public void Start()
    {
        if (WholeHost) _sockets = WatchSockets();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try { Loop(); }
            finally
            {
                _firstLook.TrySetResult();
                done.SetResult();
            }
        }) { IsBackground = true, Name = "host watch" }.Start();
        _loop = done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _sockets?.Dispose();
        await _loop;
        // Every session ends, each within its own bound, all at once.
        await Task.WhenAll(_processes.Values.Select(p => p.DisposeAsync().AsTask()));
    }

    private void Loop()
    {
        var scannedAt = DateTime.MinValue;
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
            var rescan = DateTime.UtcNow - scannedAt > RescanPeriod;
            if (rescan) scannedAt = DateTime.UtcNow;
            foreach (var (key, pid, target) in Wanted(rescan))
            {
                var process = new WatchedProcess(key, pid, target, options.Session, options.Observer);
                _processes[key] = process;
                process.Start();
                changed = true;
            }
            if (changed) Changed?.Invoke();
            _firstLook.TrySetResult();
            WaitHandle.WaitAny([_stop.Token.WaitHandle, _socketCreated], Period);
        }
        while (!_stop.IsCancellationRequested);
    }

    /// <summary>
    /// The processes to start watching: named ones not yet watched, or this user's new ones: of the sockets created
    /// since the last tick, or of all there are when <paramref name="rescan"/>.
    /// </summary>
    private IEnumerable<(string Key, int? Pid, Func<Target> Target)> Wanted(bool rescan)
    {
        if (!WholeHost)
            return options.Pids.Where(pid => !_processes.ContainsKey(Key(pid)) && ProcessInfo.IsAlive(pid)).Select(Local)
                .Concat(options.Ports.Where(port => !_processes.ContainsKey(port.Path))
                    .Select(port => (port.Path, (int?)null, (Func<Target>)(() => new DiagnosticPortTarget(port)))));
        var created = new List<int>();
        while (_created.TryDequeue(out var pid)) created.Add(pid);
        return (rescan ? DiagnosticsClient.GetPublishedProcesses().Concat(created) : created).Distinct()
            .Where(pid => !_processes.ContainsKey(Key(pid)) && ProcessInfo.IsAttachable(pid)).Select(Local).ToList();
    }

    /// <summary>Wakes the tick when a runtime creates its socket, so a new process is listed at once.</summary>
    private FileSystemWatcher? WatchSockets()
    {
        try
        {
            var watcher = new FileSystemWatcher(Path.GetTempPath(), "dotnet-diagnostic-*") { IncludeSubdirectories = false };
            // Created, or renamed into place: either way a socket that was not there.
            watcher.Created += (_, e) => Created(e.Name);
            watcher.Renamed += (_, e) => Created(e.Name);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            return null; // no inotify (its limit reached): new processes are found by the rescan alone
        }
    }

    private void Created(string? socket)
    {
        if (SocketPid(socket) is not { } pid) return;
        _created.Enqueue(pid);
        _socketCreated.Set();
    }

    /// <summary>The PID a socket is named with: <c>dotnet-diagnostic-PID-KEY-socket</c>.</summary>
    private static int? SocketPid(string? name) =>
        name?.Split('-') is [_, _, var pid, _, "socket"] && int.TryParse(pid, out var number) ? number : null;

    private static (string Key, int? Pid, Func<Target> Target) Local(int pid) => (Key(pid), pid, () => new AttachedTarget(pid));

    private static string Key(int pid) => $"pid {pid}";
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
