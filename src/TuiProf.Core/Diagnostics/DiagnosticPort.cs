using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Diagnostics.NETCore.Client;

namespace TuiProf.Core.Diagnostics;

/// <summary>Opens the EventPipe session on a target's diagnostics socket, waiting for the socket to appear.</summary>
public static class DiagnosticPort
{
    public static async Task<(DiagnosticsClient Client, EventPipeSession Session)> StartSessionAsync(
        int pid, IReadOnlyList<EventPipeProvider> providers, TimeSpan timeout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!ProcessInfo.IsAlive(pid))
                throw new ProfilerException($"process {pid} is not running");
            if (DiagnosticsClient.GetPublishedProcesses().Contains(pid))
            {
                try
                {
                    var client = new DiagnosticsClient(pid);
                    var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false,
                        circularBufferMB: 64, cancellation);
                    return (client, session);
                }
                catch (Exception e) when (IsPermissionDenied(e))
                {
                    throw new ProfilerException($"process {pid} belongs to another user: its diagnostics socket is not ours to open", e);
                }
                catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException
                                              or ServerErrorException or SocketException)
                {
                    last = e; // the socket exists but the runtime is not listening yet
                }
            }
            await Task.Delay(20, cancellation);
        }
        throw new ProfilerException(NoEndpoint(pid, $" after {timeout.TotalSeconds:0.#} s"), last);
    }

    /// <summary>Diagnostics sockets are 0600: another user's is refused, however long we wait.</summary>
    private static bool IsPermissionDenied(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is UnauthorizedAccessException or SocketException { SocketErrorCode: SocketError.AccessDenied })
                return true;
        return false;
    }

    public static string NoEndpoint(int pid, string after) =>
        $"process {pid} has no .NET diagnostics endpoint{after} " +
        "(not a .NET program, or diagnostics disabled with DOTNET_EnableDiagnostics=0)";
}
