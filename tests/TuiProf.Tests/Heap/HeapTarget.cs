using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Targets;

namespace TuiProf.Tests.Heap;

/// <summary>A running program's diagnostics client or runtime, once its runtime has published its socket.</summary>
public static class HeapTarget
{
    public static async Task<DiagnosticsClient> ClientAsync(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!DiagnosticSocket.IsPublished(pid))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"process {pid} published no diagnostics socket");
            await Task.Delay(50);
        }
        return new DiagnosticsClient(pid);
    }

    /// <summary>The program's runtime as TuiProf's commands reach it, once its socket is published.</summary>
    public static async Task<RuntimeEndpoint> RuntimeAsync(int pid) => LocalRuntime.Endpoint(await ClientAsync(pid), pid);
}
