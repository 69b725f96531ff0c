using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Diagnostics.NETCore.Client;

namespace TuiProf.Core.Targets;

/// <summary>Reaches the runtime of a process of this machine through its default diagnostics socket.</summary>
public static class LocalRuntime
{
    /// <summary>Waits for the process's socket to appear and answer (a launched runtime creates it as it starts).</summary>
    public static async Task<RuntimeEndpoint> ConnectAsync(int pid, TimeSpan timeout, CancellationToken cancellation)
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
                if (DiagnosticSocket.MadeByAnotherUser(pid) is { } planted)
                    throw new ProfilerException($"process {pid}: the diagnostics socket {planted} belongs to another user, not to " +
                                                "the process's owner: not opened (another user may have put it there)");
                try
                {
                    var runtime = Endpoint(new DiagnosticsClient(pid), pid);
                    // Answers once the runtime listens, paused or not; a stopped one never does.
                    await RuntimeCall.AskBlockingAsync(runtime, runtime.Client.GetProcessEnvironment, cancellation);
                    return runtime;
                }
                catch (Exception e) when (IsPermissionDenied(e))
                {
                    throw new ProfilerException($"process {pid} belongs to another user: its diagnostics socket is not ours to open", e);
                }
                catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException
                                              or ServerErrorException or SocketException or EndOfStreamException)
                {
                    last = e; // the socket exists but the runtime is not listening yet
                }
            }
            await Task.Delay(10, cancellation);
        }
        throw new ProfilerException(NoEndpoint(pid, $" after {timeout.TotalSeconds:0.#} s"), new TimeoutException(last?.Message, last));
    }

    public static RuntimeEndpoint Endpoint(DiagnosticsClient client, int pid) =>
        new(client, pid, ProcessInfo.NameOf(pid), ProcessInfo.CommandLineOf(pid), ProcessInfo.ParentOf(pid));

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
