using System.CommandLine;

namespace TuiProf.Commands;

/// <summary>A way to name a target besides a scenario, a PID and a command, for every command that takes a target.</summary>
public static class TargetOptions
{
    public static Option<string?> DiagnosticPort { get; } = new("--diagnostic-port")
    {
        Description = "Reach the runtime through a diagnostic port, as dotnet-counters does: PATH or PATH,listen waits for a " +
                      "runtime started with DOTNET_DiagnosticPorts=PATH; PATH,connect reaches one started with " +
                      "DOTNET_DiagnosticPorts=PATH,listen (a container's socket in a shared volume, dotnet-dsrouter)",
    };
}
