using Microsoft.Diagnostics.NETCore.Client;

namespace TuiProf.Core.Targets;

/// <summary>
/// One .NET runtime TuiProf can talk to: its diagnostics client, and what is known of its process. A runtime
/// reached through a diagnostic port may live in another PID namespace (a container): it has no local PID, so no
/// /proc to read.
/// </summary>
public sealed record RuntimeEndpoint(DiagnosticsClient Client, int? LocalPid, string Name, string CommandLine, int? ParentPid = null)
{
    /// <summary>How the runtime is named in messages: "pid N", or the port's path.</summary>
    public string Label => LocalPid is { } pid ? $"process {pid}" : Name;
}
