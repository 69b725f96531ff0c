using System.CommandLine;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;

namespace TuiProf.Commands;

/// <summary><c>tuiprof ps</c>: .NET processes of this user that can be attached to, like <c>dotnet-counters ps</c>.</summary>
public static class PsCommand
{
    public static Command Create()
    {
        var command = new Command("ps", "List the running .NET processes you can attach to");
        command.SetAction(_ =>
        {
            foreach (var p in ProcessInfo.Attachable())
                StandardOutput.Writer.WriteLine($"{p.Pid,8}  {p.Name,-16} {p.CommandLine}");
            return 0;
        });
        return command;
    }
}
