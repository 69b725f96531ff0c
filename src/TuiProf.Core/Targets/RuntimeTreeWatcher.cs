using System.Threading.Channels;

namespace TuiProf.Core.Targets;

/// <summary>
/// Finds the .NET runtimes of one launch as they start, at any depth: every process the launch's mark claims whose
/// diagnostics socket appears. A runtime's socket appears as it starts (paused, when it inherited the suspend
/// setting), so it is seen within milliseconds. A process the mark does not claim is never connected to: it is
/// neither followed nor resumed; one of the launch's tree that runs as another user is reported.
/// </summary>
internal sealed class RuntimeTreeWatcher : IDisposable
{
    /// <summary>
    /// inotify can drop events under load: a slow sweep of the socket names catches what it missed (a runtime it
    /// missed waits paused until then). Names only: <c>DiagnosticsClient.GetPublishedProcesses</c> also checks every
    /// process, and with 9 000 entries in /tmp sweeping with it four times a second was 45 % of TuiProf's CPU.
    /// </summary>
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(1);

    private readonly LaunchMark _mark;
    private readonly TimeSpan _connectTimeout;
    private readonly Action<int> _foreign;
    private readonly Channel<RuntimeEndpoint> _found = Channel.CreateUnbounded<RuntimeEndpoint>();
    private readonly HashSet<string> _seen = [];
    private readonly FileSystemWatcher _sockets;
    private readonly CancellationTokenSource _stop = new();

    /// <param name="foreign">Told of each runtime of the launch's tree that runs as another user.</param>
    public RuntimeTreeWatcher(LaunchMark mark, TimeSpan connectTimeout, Action<int> foreign)
    {
        (_mark, _connectTimeout, _foreign) = (mark, connectTimeout, foreign);
        _sockets = new FileSystemWatcher(Path.GetTempPath(), DiagnosticSocket.Prefix + "*") { EnableRaisingEvents = true };
        _sockets.Created += (_, e) => Check(e.Name);
        _ = SweepAsync();
    }

    /// <summary>Every runtime of the launch, once it answers, in the order they appeared.</summary>
    public ChannelReader<RuntimeEndpoint> Found => _found.Reader;

    public void Dispose()
    {
        _stop.Cancel();
        _sockets.Dispose();
        _found.Writer.TryComplete();
    }

    private async Task SweepAsync()
    {
        using var timer = new PeriodicTimer(Sweep);
        do
        {
            foreach (var socket in Directory.EnumerateFiles(Path.GetTempPath(), DiagnosticSocket.Prefix + "*")) Check(Path.GetFileName(socket));
        } while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result));
    }

    private void Check(string? name)
    {
        if (name is null) return;
        lock (_seen)
        {
            // Each socket is looked at once, by name: another program's sockets are not re-read every sweep, and a dead
            // runtime's leftover does not hide a new process of ours that has its PID (that one's socket has another KEY).
            if (_stop.IsCancellationRequested || !_seen.Add(name)) return;
        }
        if (DiagnosticSocket.Parse(name) is not { IsLive: true } socket) return;
        if (_mark.Claims(socket.Pid)) _ = ConnectAsync(socket.Pid);
        else if (_mark.IsOnForeignDescendant(socket.Pid)) _foreign(socket.Pid);
    }

    /// <summary>
    /// A runtime of the launch waits, paused, until it is resumed: it is asked again for as long as it lives and does
    /// not answer (fifty runtimes starting at once on a loaded 2-core machine took longer than one request's deadline;
    /// a stopped one answers once it continues). Given up only when it is gone or refuses outright.
    /// </summary>
    private async Task ConnectAsync(int pid)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _found.Writer.TryWrite(await LocalRuntime.ConnectAsync(pid, _connectTimeout, _stop.Token));
                return;
            }
            catch (ProfilerException e) when (e.InnerException is TimeoutException && ProcessInfo.IsAlive(pid))
            {
                while (ProcessInfo.IsStopped(pid) && !_stop.IsCancellationRequested) await Task.Delay(StoppedPoll);
            }
            catch (Exception) { return; /* gone before it answered: nothing of it waits on us */ }
        }
    }

    private static readonly TimeSpan StoppedPoll = TimeSpan.FromMilliseconds(250);
}
