using System.Text.Json;
using CliWrap;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Faults;

public class RecordingFaultTests
{
    private static readonly string Program = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static RunningProcess StartRecording(string file) =>
        RunningProcess.Start(Cli.Wrap(DotNetHost.Path).WithArguments([Program, "record", "baseline", "--loop", "--out", file])
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(60));

    [Fact(Timeout = 60_000)]
    public async Task Killing_tuiprof_with_SIGKILL_while_recording_leaves_every_written_line_valid_and_no_target()
    {
        var file = TuiProfCli.TempFile("killed.jsonl");
        await using var recording = StartRecording(file);
        await Signals.WaitForLineAsync(file, l => l.Contains("\"type\":\"bracket\""), Limit);
        var (target, watchdog) = Signals.TargetAndWatchdogOf(recording.ProcessId);

        await Signals.SendAsync(recording.ProcessId, "KILL");
        await recording.Exited.ContinueWith(_ => { });

        var lines = Signals.ReadShared(file).Split('\n');
        Assert.All(lines[..^1], l => JsonDocument.Parse(l).Dispose()); // all but a torn last line parse
        Assert.True(await Signals.GoneWithinAsync(target, TimeSpan.FromSeconds(5)), $"scenario {target} outlived a killed tuiprof");
        Assert.True(await Signals.GoneWithinAsync(watchdog, TimeSpan.FromSeconds(5)), $"watchdog {watchdog} outlived its work");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Stopping_a_recording_with_a_signal_flushes_it_and_ends_the_target(string signal)
    {
        var file = TuiProfCli.TempFile("stopped.jsonl");
        await using var recording = StartRecording(file);
        await Signals.WaitForLineAsync(file, l => l.Contains("\"type\":\"bracket\""), Limit);
        var (target, _) = Signals.TargetAndWatchdogOf(recording.ProcessId);

        await Signals.SendAsync(recording.ProcessId, signal);
        var result = await recording.Exited.WaitAsync(Limit);

        Assert.True(await Signals.GoneWithinAsync(target, TimeSpan.FromSeconds(5)), $"scenario {target} outlived tuiprof");
        var text = Signals.ReadShared(file);
        Assert.EndsWith("\n", text);
        Assert.All(text.TrimEnd('\n').Split('\n'), l => JsonDocument.Parse(l).Dispose());
        Assert.True(result.ExitCode is 0 or 130 or 143, $"exit code {result.ExitCode}");
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_recordings_can_attach_to_the_same_target()
    {
        await using var target = new RunningScenario("baseline");
        var files = new[] { TuiProfCli.TempFile("first.jsonl"), TuiProfCli.TempFile("second.jsonl") };

        var results = await Task.WhenAll(files.Select(f =>
            TuiProfCli.RunAsync("record", "--pid", $"{target.ProcessId}", "--out", f, "--duration", "4")));

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.All(files, f => Assert.Contains("\"type\":\"bracket\"", File.ReadAllText(f)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dotnet_program_with_diagnostics_disabled_is_reported_in_one_line()
    {
        var result = await TuiProfCli.RunAsync("record", "--out", TuiProfCli.TempFile("off.jsonl"), "--",
            "env", "DOTNET_EnableDiagnostics=0", DotNetHost.Path, ScenarioCatalog.AssemblyPath, "leak");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DOTNET_EnableDiagnostics=0", Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact(Timeout = 60_000)]
    public async Task Attaching_to_pid_1_fails_at_once_in_one_line()
    {
        // A TMPDIR of its own: a runtime killed in its own PID namespace leaves dotnet-diagnostic-1-KEY-socket in /tmp,
        // and then the answer is rightly another one (see ContainerTests).
        var tmp = TestTemp.Directory("tuiprof-test-");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await TuiProfCli.RunAsync(new Dictionary<string, string> { ["TMPDIR"] = tmp },
            "record", "--pid", "1", "--out", Path.Combine(tmp, "one.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("tuiprof: process 1 has no .NET diagnostics endpoint", result.StandardError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact(Timeout = 60_000)]
    public async Task Plotting_a_truncated_recording_draws_what_is_valid_and_counts_the_rest()
    {
        var file = TuiProfCli.TempFile("torn.jsonl");
        await File.WriteAllTextAsync(file, """
            {"type":"sample","t":0.1,"rss":30000000}
            {"type":"sample","t":1.0,"rss":60000000}
            garbage
            {"type":"bracket","name":"Work","start":0.2,"end":0.9,"depth":0}
            {"type":"sample","t":1.1,"rs
            """);

        var result = await TuiProfCli.RunAsync("plot", file, "--width", "60", "--ascii");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("skipped 2 unreadable line(s) in torn.jsonl", result.StandardError.Trim());
        Assert.Contains("Work", result.StandardOutput);
        Assert.Contains("*", result.StandardOutput);
    }
}
