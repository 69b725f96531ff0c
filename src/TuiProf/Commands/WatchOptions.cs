using System.CommandLine;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Fleet;
using TuiProf.Core.Targets;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>Which processes a host-wide command watches: every .NET process of the user, or those named.</summary>
public static class WatchOptions
{
    public static Option<int[]> Pids { get; } = new("--pid")
    {
        Description = "Watch only this process (repeat for more); none named: every .NET process of yours",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string[]> Ports { get; } = new("--diagnostic-port")
    {
        Description = "Watch a runtime through a diagnostic port, PATH[,connect] (repeat for more): a container's socket",
        AllowMultipleArgumentsPerToken = true,
    };

    public static void AddTo(Command command)
    {
        command.Add(Pids);
        command.Add(Ports);
    }

    public static HostWatchOptions From(ParseResult parse, SessionOptions session)
    {
        var pids = parse.GetValue(Pids) ?? [];
        foreach (var pid in pids)
        {
            if (pid <= 0) throw new UsageException($"--pid must be a positive process id, not {pid}");
            if (!ProcessInfo.IsAlive(pid)) throw new UsageException($"process {pid} is not running");
        }
        var ports = (parse.GetValue(Ports) ?? []).Select(Port).ToList();
        return new HostWatchOptions(pids.Distinct().ToList(), ports, session);
    }

    private static DiagnosticPortAddress Port(string text)
    {
        try
        {
            var address = DiagnosticPortAddress.Parse(text.Contains(',') ? text : text + ",connect");
            return address.Listen ? throw new UsageException($"--diagnostic-port {text}: a watch reaches runtimes (PATH,connect), it does not listen") : address;
        }
        catch (FormatException e) { throw new UsageException(e.Message); }
    }
}
