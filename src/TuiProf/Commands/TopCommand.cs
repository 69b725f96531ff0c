using System.CommandLine;
using TuiProf.Core.Fleet;
using TuiProf.Top;

namespace TuiProf.Commands;

/// <summary><c>tuiprof top</c>: every .NET process of the host, a row each, live; Enter opens one's dashboard.</summary>
public static class TopCommand
{
    public static Command Create()
    {
        var command = new Command("top", "Every .NET process of yours, live: memory, GCs, allocation rate; Enter opens one's dashboard");
        WatchOptions.AddTo(command);
        SamplingOptions.AddTo(command);
        command.SetAction((parse, stop) => TopApp.RunAsync(WatchOptions.From(parse, HostWatchOptions.LightSession), SamplingOptions.From(parse),
            parse.GetValue(TuiCommands.Ascii), stop));
        return command;
    }
}
