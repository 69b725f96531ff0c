namespace TuiProf.Tests.CommandLine;

public class CommandLineTests
{
    [Fact(Timeout = 60_000)]
    public async Task I_can_record_manual_collect_and_plot_the_blogs_picture_the_dotnet_way()
    {
        var file = TuiProfCli.TempFile("manual-collect.jsonl");

        var record = await TuiProfCli.RunAsync("record", "manual-collect", "--out", file);
        var plot = await TuiProfCli.RunAsync("plot", file, "--width", "100", "--height", "16");

        Assert.Equal(0, record.ExitCode);
        Assert.Contains("3 brackets", record.StandardError);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.StartsWith("{\"type\":\"start\"", lines[0]);
        Assert.Contains(lines, l => l.Contains("\"type\":\"gc\"") && l.Contains("\"reason\":\"Induced\""));
        Assert.StartsWith("{\"type\":\"exit\"", lines[^1]);

        Assert.Equal(0, plot.ExitCode);
        Assert.StartsWith("manual-collect: ", plot.StandardOutput);
        Assert.Contains("(1 induced), 3 brackets, exit 0", plot.StandardOutput);
        Assert.Contains("RandomNumberAverage", plot.StandardOutput);
        Assert.Contains("┃", plot.StandardOutput); // the induced GC's line through the graph
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_list_the_scenarios_and_read_what_to_look_for()
    {
        var list = await TuiProfCli.RunAsync("scenarios");
        var one = await TuiProfCli.RunAsync("scenarios", "cycle");

        Assert.Equal(0, list.ExitCode);
        foreach (var name in new[] { "baseline", "gc-disabled", "cycle-gc-disabled", "cycle", "manual-collect", "leak", "churn", "loh" })
            Assert.Contains($" {name} ", list.StandardOutput);
        Assert.Contains("Cycles are no special case", one.StandardOutput);
        Assert.Contains("What the Python post saw", one.StandardOutput);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("unknown scenario 'nope'", "record", "nope", "--out", "x.jsonl")]
    [InlineData("unknown scenario 'baselin'; did you mean 'baseline'?", "record", "baselin", "--out", "x.jsonl")]
    [InlineData("Unrecognized command or argument 'recrod'; did you mean 'record'?", "recrod", "baseline")]
    [InlineData("'abc' is not a PID: a process id is a positive number", "attach", "abc")]
    [InlineData("'abc' is not a PID", "record", "--pid", "abc", "--out", "x.jsonl")]
    [InlineData("'/tmp' is a directory: give the recording in it", "plot", "/tmp")]
    [InlineData("'/tmp' is a directory: give the recording in it", "export", "/tmp", "--format", "csv")]
    [InlineData("'/tmp' is a directory: give the recording in it", "view", "/tmp")]
    [InlineData("Option '--out' is required; '--out' came after '--', so it went to the program, not to tuiprof", "record", "--", "dotnet", "app.dll", "--out", "x.jsonl")]
    [InlineData("give exactly one target", "record", "--out", "x.jsonl")]
    [InlineData("Unrecognized command or argument '--frobnicate'", "record", "baseline", "--frobnicate", "--out", "x.jsonl")]
    [InlineData("cannot write '/proc/nope/x.jsonl'", "record", "baseline", "--out", "/proc/nope/x.jsonl")]
    [InlineData("Argument 'xml' not recognized. Must be one of: 'mprof' 'csv' 'json'", "export", "x.jsonl", "--format", "xml")]
    [InlineData("cannot read '/nope/x.jsonl'", "export", "/nope/x.jsonl", "--format", "mprof")]
    [InlineData("give --interval or --no-rss, not both", "run", "baseline", "--interval", "1", "--no-rss")]
    [InlineData("--every and --count set the series of --suspects: give --suspects too", "heap", "leak", "--count", "3")]
    [InlineData("--every and --count set the series of --suspects: give --suspects too", "heap", "leak", "--every", "2")]
    [InlineData("--counters: 'a b' is not an EventSource name", "record", "churn", "--counters", "a b", "--out", "x.jsonl")]
    [InlineData("process 999999 is not running", "top", "--pid", "999999")]
    [InlineData("needs a terminal on stdin and stdout; for headless use 'tuiprof serve'", "top")]
    [InlineData("'lots' is not a size", "top", "--snapshot-when", "heap>lots")]
    [InlineData("--snapshot-dir /nope: no such directory", "top", "--snapshot-when", "heap>1GB", "--snapshot-dir", "/nope")]
    [InlineData("a watch reaches runtimes (PATH,connect), it does not listen", "top", "--diagnostic-port", "/tmp/x.sock,listen")]
    public async Task Bad_input_gives_one_clear_line_and_exit_code_2(string message, params string[] arguments)
    {
        var result = await TuiProfCli.RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tuiprof: ", error);
        Assert.Contains(message, error);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_call_still_running_when_the_recording_stops_is_written_as_an_unfinished_bracket_up_to_its_end()
    {
        // leak's calls run back to back, 100 ms each, 2 s a run: stopped at 1.5 s, one is under way.
        var file = TuiProfCli.TempFile("unfinished.jsonl");
        var result = await TuiProfCli.RunAsync("record", "leak", "--loop", "--duration", "1.5", "--out", file);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var calls = Targets.RecordedFile.Read(file).OfType("bracket").ToList();
        var last = calls[^1];
        Assert.True(last.TryGetProperty("unfinished", out var unfinished) && unfinished.GetBoolean(), $"{last}");
        Assert.True(last.GetProperty("end").GetDouble() >= last.GetProperty("start").GetDouble());
        Assert.All(calls[..^1], call => Assert.False(call.TryGetProperty("unfinished", out _), $"{call}"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_recorded_program_that_fails_on_its_own_fails_the_command_with_its_exit_code_and_says_so()
    {
        var result = await TuiProfCli.RunAsync("record", "crash", "--out", TuiProfCli.TempFile("crash.jsonl"));

        // As under time or strace: 'tuiprof record -- dotnet test' in a pipeline once turned red tests green (exit 0).
        Assert.Equal(134, result.ExitCode);
        Assert.EndsWith("crash exited with code 134", result.StandardError.Trim());
        Assert.Contains("recorded ", result.StandardError);
    }

    [Fact(Timeout = 60_000)]
    public async Task Attaching_to_a_dead_pid_gives_one_clear_line_and_a_non_zero_exit()
    {
        var result = await TuiProfCli.RunAsync("record", "--pid", "999999", "--out", TuiProfCli.TempFile("dead.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("tuiprof: process 999999 is not running", result.StandardError.Trim());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_program_without_a_dotnet_runtime_is_reported_in_one_line()
    {
        var result = await TuiProfCli.RunAsync("record", "--out", TuiProfCli.TempFile("sleep.jsonl"), "--", "sleep", "30");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has no .NET diagnostics endpoint", result.StandardError);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact(Timeout = 60_000)]
    public async Task Plotting_an_empty_recording_says_so()
    {
        var file = TuiProfCli.TempFile("empty.jsonl");
        await File.WriteAllTextAsync(file, "");

        var result = await TuiProfCli.RunAsync("plot", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("empty.jsonl holds no events to plot", result.StandardError.Trim());
    }
}
