using System.Net.Sockets;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Targets;

/// <summary>
/// A runtime reached through a diagnostic port rather than by PID: in a container, in another PID namespace, behind
/// dotnet-dsrouter. It has no local PID, so no /proc: its memory comes from what the runtime itself reports.
/// Listening, TuiProf waits for the first runtime to connect and resumes it once the session runs, so its first
/// allocation is seen. It is never ended, only detached from.
/// </summary>
public sealed class DiagnosticPortTarget(DiagnosticPortAddress given) : Target
{
    /// <summary>A runtime answers in milliseconds; a socket that says nothing for this long is not one.</summary>
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(2);

    private DiagnosticPortAddress _address = given;
    private DiagnosticsClientConnector? _connector;
    private string? _socketToRemove;

    public override string DisplayName => _address.Path;

    public override int? RootPid => null;

    /// <summary>Without a process to watch, the runtime is gone when its event stream closes.</summary>
    public override async Task<TargetEnd> EndAsync(Task streamEnded)
    {
        await streamEnded;
        return new TargetEnd(true, null);
    }

    public override async Task<RuntimeEndpoint> StartAsync(Action<TimelineEvent> emit, TimeSpan timeout, CancellationToken cancellation)
    {
        if (!_address.Listen && Directory.Exists(_address.Path)) _address = _address with { Path = RuntimeSocketIn(_address.Path) };
        if (_address.Problem() is { } problem) throw new ProfilerException(problem);
        if (!_address.Listen) await CheckListeningAsync(cancellation);
        else if (SocketFile.Of(_address.Path) == SocketFile.State.Stale) File.Delete(_address.Path);
        try
        {
            // Listening: the socket is ours from here, and ours to remove, however the wait ends.
            _socketToRemove = _address.Listen ? _address.Path : null;
            // Cancelled, the library stops listening and returns null.
            _connector = await DiagnosticsClientConnector.FromDiagnosticPort(_address.ToString(), cancellation)
                         ?? throw new OperationCanceledException(cancellation);
            var client = _connector.Instance;
            // A runtime that connects but never answers must not hold us: the same limit as any connection.
            await Task.Run(client.GetProcessEnvironment, cancellation).WaitAsync(AnswerLimit, cancellation);
            return new RuntimeEndpoint(client, LocalPid: null, _address.Path, CommandLine: "");
        }
        catch (TimeoutException e)
        {
            throw new ProfilerException($"diagnostic port {_address.Path} answered nothing within {AnswerLimit.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or SocketException or ServerErrorException)
        {
            throw new ProfilerException($"diagnostic port {_address.Path}: {e.Message}", e);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connector is not null) await _connector.DisposeAsync();
        if (_socketToRemove is { } path)
        {
            try { File.Delete(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* gone already, or not ours to touch */ }
        }
    }

    /// <summary>
    /// A folder given to connect to is a runtime's TMPDIR (a container's /tmp shared as a volume): its one default
    /// socket, named with the PID the runtime has in its own namespace. Sockets of runtimes that have exited (killed
    /// ones leave theirs) are passed over: a shared /tmp holds hundreds.
    /// </summary>
    private static string RuntimeSocketIn(string folder)
    {
        var sockets = Directory.GetFiles(folder, "dotnet-diagnostic-*-socket");
        if (sockets.Length == 0)
            throw new ProfilerException($"{folder} holds no .NET runtime's diagnostics socket (dotnet-diagnostic-*-socket)");
        var live = sockets.Where(Listens).Order(StringComparer.Ordinal).ToList();
        const int Named = 5;
        return live.Count switch
        {
            1 => live[0],
            0 => throw new ProfilerException($"{folder} holds {sockets.Length} diagnostics socket(s), none listening: their runtimes have exited"),
            _ => throw new ProfilerException($"{folder} holds {live.Count} live runtimes' sockets: give one (" +
                                             string.Join(", ", live.Take(Named).Select(Path.GetFileName)) +
                                             (live.Count > Named ? $", and {live.Count - Named} more)" : ")")),
        };
    }

    /// <summary>
    /// Whether a runtime listens on the socket: a connect that is refused is a dead runtime's file. Not blocking, so a
    /// stopped runtime (the kernel still queues connections) counts as listening and a full queue does not hold us.
    /// </summary>
    private static bool Listens(string path)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { Blocking = false };
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress;
        }
    }

    /// <summary>A socket nobody listens on (or a file that is not a socket): say so, at once.</summary>
    private async Task CheckListeningAsync(CancellationToken cancellation)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_address.Path), cancellation).AsTask().WaitAsync(AnswerLimit, cancellation);
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            throw new ProfilerException($"diagnostic port {_address.Path}: nothing listens there ({e.Message})", e);
        }
    }
}
