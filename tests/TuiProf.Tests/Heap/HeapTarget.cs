using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Targets;

namespace TuiProf.Tests.Heap;

/// <summary>A running program's diagnostics client or runtime, once its runtime has published its socket.</summary>
public static class HeapTarget
{
    public static async Task<DiagnosticsClient> ClientAsync(int pid)
    {
        await Faults.Signals.WaitForSocketAsync(pid, TimeSpan.FromSeconds(10));
        return new DiagnosticsClient(pid);
    }

    /// <summary>The program's runtime as TuiProf's commands reach it, once its socket is published.</summary>
    public static async Task<RuntimeEndpoint> RuntimeAsync(int pid) => LocalRuntime.Endpoint(await ClientAsync(pid), pid);
}
