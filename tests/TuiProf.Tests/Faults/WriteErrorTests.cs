using System.Text.Json;
using CliWrap;
using TuiProf.Targets;
using TuiProf.Tests.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Faults;

/// <summary>
/// A write that fails (/dev/full, a disk that fills, a file removed under it) ends a command in one line naming the
/// place and the reason, exit 1: the file valid up to its last whole line, a launched target ended, an attached one
/// left running, and no "recorded ... ->" that claims a success.
/// </summary>
public sealed class WriteErrorTests : TargetTest
{
    private static readonly string Assembly = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;
    private const string Full = "> /dev/full", Closed = ">&-";

    [Theory(Timeout = 120_000)]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task Recording_a_launched_scenario_to_dev_full_says_so_in_one_line_and_ends_the_scenario(string format)
    {
        var result = await RecordAsync("baseline", "--loop", "--out", "/dev/full", "--format", format, "--duration", "3");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("tuiprof: cannot write '/dev/full': No space left on device", OneLine(result.StandardError));
        AssertNone("outlived a failed recording", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(5)));
    }

    [RootFact(Timeout = 120_000)]
    public async Task A_disk_that_fills_mid_recording_leaves_whole_lines_and_one_line_on_stderr()
    {
        var disk = TestTemp.Directory("tuiprof-small-disk-");
        await RunningProcess.RunAsync(Cli.Wrap("mount").WithArguments(["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk]), HangLimit);
        try
        {
            // 48 of its 64 KiB taken: 200 samples a second fill the rest in about a second.
            await File.WriteAllBytesAsync(Path.Combine(disk, "taken"), new byte[48 * 1024]);
            var file = Path.Combine(disk, "full.jsonl");

            var result = await RecordAsync("baseline", "--loop", "--interval", "0.005", "--out", file);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Equal($"tuiprof: cannot write '{file}': No space left on device", OneLine(result.StandardError));
            var text = await File.ReadAllTextAsync(file);
            Assert.Contains("\"type\":\"sample\"", text);
            Assert.EndsWith("\n", text); // the failed write was cut back: not even the last line is torn
            Assert.All(text.TrimEnd('\n').Split('\n'), l => JsonDocument.Parse(l).Dispose());
            AssertNone("outlived a failed recording", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            await RunningProcess.RunAsync(Cli.Wrap("umount").WithArguments(["-l", disk]), HangLimit);
            Directory.Delete(disk);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task An_attached_target_keeps_running_after_a_write_error()
    {
        await using var target = new RunningScenario("baseline");
        await Signals.WaitForSocketAsync(target.ProcessId, TimeSpan.FromSeconds(20));

        var result = await RecordAsync("--pid", $"{target.ProcessId}", "--out", "/dev/full");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("tuiprof: cannot write '/dev/full': No space left on device", OneLine(result.StandardError));
        Assert.False(target.HasExited, "the attached target ended with tuiprof's write error");
        Assert.True(Core.Targets.ProcessInfo.IsAlive(target.ProcessId));
        Assert.NotEqual('T', TreeProcesses.State(target.ProcessId)); // not left stopped either
    }

    [Fact(Timeout = 120_000)]
    public async Task A_recording_removed_while_written_ends_it_in_one_line()
    {
        var file = OutFile("removed.jsonl");
        var recording = DotNetCommands.RunAsync(DotNetCommands.TuiProf(Tree, "record", "baseline", "--loop", "--out", file, "--duration", "30"), Tree, HangLimit);
        await Signals.WaitForLineAsync(file, l => l.Contains("\"type\":\"sample\""), TimeSpan.FromSeconds(30));

        File.Delete(file);
        var result = await recording;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"tuiprof: cannot write '{file}': it was removed while being written", OneLine(result.StandardError));
        AssertNone("outlived a failed recording", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(5)));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(Full, "plot", "RECORDING")]
    [InlineData(Full, "export", "RECORDING", "--format", "csv")]
    [InlineData(Full, "export", "RECORDING", "--format", "chrome")]
    [InlineData(Full, "scenarios")]
    [InlineData(Full, "ps")]
    [InlineData(Full, "heap", "baseline", "--wait", "0")]
    [InlineData(Full, "heap", "baseline", "--wait", "0", "--format", "json")]
    [InlineData(Closed, "plot", "RECORDING")]
    [InlineData(Closed, "heap", "baseline", "--wait", "0", "--format", "json")]
    public async Task Printing_to_a_full_or_closed_stdout_says_so_in_one_line(string redirect, params string[] arguments)
    {
        var recording = OutFile("small.jsonl");
        await File.WriteAllTextAsync(recording, """
            {"type":"start","t":0,"target":"small","pid":1,"origin":"2026-01-01T00:00:00.0000000Z"}
            {"type":"sample","t":0.1,"rss":30000000,"heap":1000000}
            {"type":"sample","t":1.0,"rss":60000000,"heap":2000000}
            {"type":"bracket","name":"Work","start":0.2,"end":0.9,"depth":0,"thread":1,"id":"a"}

            """);
        var command = Cli.Wrap("sh").WithArguments(["-c", $"exec \"$@\" {redirect}", "sh", DotNetHost.Path, Assembly,
            .. arguments.Select(a => a == "RECORDING" ? recording : a)]);

        var result = await DotNetCommands.RunAsync(DotNetCommands.Marked(command, Tree), Tree, HangLimit);

        Assert.True(result.ExitCode == 1, result.ToString());
        var reason = redirect == Full ? "No space left on device" : "Bad file descriptor";
        Assert.Equal($"tuiprof: cannot write stdout: {reason}", OneLine(result.StandardError));
        AssertNone("outlived a failed command", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact(Timeout = 120_000)]
    public async Task Exporting_to_dev_full_says_so_in_one_line()
    {
        var recording = OutFile("one.jsonl");
        await File.WriteAllTextAsync(recording, "{\"type\":\"sample\",\"t\":0.1,\"rss\":30000000}\n");

        var result = await DotNetCommands.RunAsync(
            DotNetCommands.TuiProf(Tree, "export", recording, "--format", "mprof", "--out", "/dev/full"), Tree, HangLimit);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("tuiprof: cannot write '/dev/full': No space left on device", OneLine(result.StandardError));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(1, "record", "baseline", "--out", "/dev/full", "--duration", "3")]
    [InlineData(2, "plot", "/nonexistent/recording.jsonl")]
    public async Task A_message_that_cannot_be_written_to_a_full_stderr_still_ends_with_its_exit_code(int code, params string[] arguments)
    {
        var command = Cli.Wrap("sh").WithArguments(["-c", "exec \"$@\" 2> /dev/full", "sh", DotNetHost.Path, Assembly, .. arguments]);

        var result = await DotNetCommands.RunAsync(DotNetCommands.Marked(command, Tree), Tree, HangLimit);

        Assert.True(result.ExitCode == code, result.ToString()); // not 134: writing the message failed too
        AssertNone("outlived a failed command", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(5)));
    }

    private static string OneLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
