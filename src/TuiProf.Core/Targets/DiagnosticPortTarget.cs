using System.Net.Sockets;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Targets;

/// <summary>
/// A runtime reached through a diagnostic port rather than by PID: in a container, in another PID namespace, behind
/// dotnet-dsrouter. It has no local PID, so no /proc: its memory comes from what the runtime itself reports.
/// Listening, TuiProf waits for the first runtime to connect and resumes it once the session runs, so its first
/// allocation is seen. It is never ended, only detached from.
/// </summary>
public sealed class DiagnosticPortTarget(DiagnosticPortAddress address) : Target
{
    private DiagnosticsClientConnector? _connector;

    public override string DisplayName => address.Path;

    public override int? RootPid => null;

    /// <summary>Without a process to watch, the runtime is gone when its event stream closes.</summary>
    public override async Task<TargetEnd> EndAsync(Task streamEnded)
    {
        await streamEnded;
        return new TargetEnd(true, null);
    }

    public override async Task<RuntimeEndpoint> StartAsync(Action<TimelineEvent> emit, TimeSpan timeout, CancellationToken cancellation)
    {
        if (!Directory.Exists(Path.GetDirectoryName(address.Path)))
            throw new ProfilerException($"diagnostic port {address.Path}: no such directory");
        if (!address.Listen) await CheckListeningAsync(timeout, cancellation);
        else if (File.Exists(address.Path))
            throw new ProfilerException($"diagnostic port {address.Path} exists already: remove it, or give ',connect' to reach a runtime listening there");
        try
        {
            _connector = await DiagnosticsClientConnector.FromDiagnosticPort(address.ToString(), cancellation);
            var client = _connector.Instance;
            // A runtime that connects but never answers must not hold us: the same limit as any connection.
            await Task.Run(client.GetProcessEnvironment, cancellation).WaitAsync(timeout, cancellation);
            return new RuntimeEndpoint(client, LocalPid: null, address.Path, CommandLine: "");
        }
        catch (TimeoutException e)
        {
            throw new ProfilerException($"diagnostic port {address.Path} answered nothing within {timeout.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or SocketException or ServerErrorException)
        {
            throw new ProfilerException($"diagnostic port {address.Path}: {e.Message}", e);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connector is not null) await _connector.DisposeAsync();
    }

    /// <summary>A path that is missing, not a socket, or a socket nobody listens on: say which, at once.</summary>
    private async Task CheckListeningAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        if (!File.Exists(address.Path))
            throw new ProfilerException($"diagnostic port {address.Path} does not exist (is the runtime started with DOTNET_DiagnosticPorts={address.Path},listen?)");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(address.Path), cancellation).AsTask().WaitAsync(timeout, cancellation);
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            throw new ProfilerException($"diagnostic port {address.Path}: nothing listens there ({e.Message})", e);
        }
    }
}
