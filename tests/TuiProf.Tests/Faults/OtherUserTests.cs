using CliWrap;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Faults;

public class OtherUserTests
{
    private const string User = "tuiproftest";
    private static readonly string Program = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;

    [RootFact(Timeout = 60_000)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task Attaching_to_another_users_process_is_refused_in_one_line_at_once()
    {
        await SecondUser.CreateAsync(User);
        await using var target = new RunningScenario("baseline");
        await Signals.WaitForSocketAsync(target.ProcessId, TimeSpan.FromSeconds(10));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = TestTemp.Directory("tuiprof-other-");
        File.SetUnixFileMode(output, (UnixFileMode)0b111_111_111); // the other user's to write in
        var result = await RunningProcess.RunAsync(Cli.Wrap("runuser")
            .WithArguments(["-u", User, "--", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", DotNetHost.Path, Program,
                "record", "--pid", $"{target.ProcessId}", "--out", Path.Combine(output, "r.jsonl")])
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(30));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"tuiprof: process {target.ProcessId} belongs to another user: its diagnostics socket is not ours to open",
            result.StandardError.Trim());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }
}
