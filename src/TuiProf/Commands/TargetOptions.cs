using System.CommandLine;

namespace TuiProf.Commands;

/// <summary>A way to name a target besides a scenario, a PID and a command, for every command that takes a target.</summary>
public static class TargetOptions
{
    public static Option<string?> DiagnosticPort { get; } = new("--diagnostic-port")
    {
        Description = "Reach the runtime through a diagnostic port, as dotnet-counters does: PATH or PATH,listen waits for a " +
                      "runtime started with DOTNET_DiagnosticPorts=PATH; PATH,connect reaches a runtime's socket, or the one " +
                      "socket in the folder PATH (a container's TMPDIR shared as a volume; a dotnet-dsrouter socket)",
    };
}
