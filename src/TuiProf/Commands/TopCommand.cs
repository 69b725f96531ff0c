using System.CommandLine;
using TuiProf.Core.Fleet;
using TuiProf.Targets;
using TuiProf.Top;

namespace TuiProf.Commands;

/// <summary><c>tuiprof top</c>: every .NET process of the host, a row each, live; Enter opens one's dashboard.</summary>
public static class TopCommand
{
    private static readonly Option<DirectoryInfo> SnapshotDirectory = new("--snapshot-dir")
    {
        Description = "Where --snapshot-when writes its snapshots, as NAME-PID.heap-N.json (default: the current directory)",
        DefaultValueFactory = _ => new DirectoryInfo("."),
    };

    public static Command Create()
    {
        var command = new Command("top", "Every .NET process of yours, live: memory, GCs, allocation rate; Enter opens one's dashboard (the sampling options are the dashboards')");
        WatchOptions.AddTo(command);
        SamplingOptions.AddTo(command);
        SnapshotOptions.AddTo(command);
        command.Add(SnapshotDirectory);
        command.SetAction((parse, stop) => TopApp.RunAsync(WatchOptions.From(parse, HostWatchOptions.LightSession), SamplingOptions.From(parse),
            parse.GetValue(TuiCommands.Ascii), Snapshots(parse), stop));
        return command;
    }

    private static TopSnapshots? Snapshots(ParseResult parse)
    {
        if (SnapshotOptions.From(parse) is not { } rule) return null;
        var directory = parse.GetValue(SnapshotDirectory)!;
        return directory.Exists ? new TopSnapshots(rule, directory) : throw new UsageException($"--snapshot-dir {directory}: no such directory");
    }
}
