using System.Diagnostics;
using System.Text.Json;
using CliWrap;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Tui;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Faults;

/// <summary>
/// A target stopped with SIGSTOP accepts a diagnostics connection and never answers: every command that reaches one
/// must say so and end on time. Each test continues the target in a finally, whatever happened.
/// </summary>
public class StoppedTargetTests
{
    private static readonly string Program = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>The deadline of one request (5 s) and start-up, with room for a loaded machine.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    /// <summary>What the issue asks of `q`, Ctrl-C and SIGTERM: end any command within 2 s.</summary>
    private static readonly TimeSpan QuitBound = TimeSpan.FromSeconds(2);

    [Theory(Timeout = 60_000)]
    [InlineData("record")]
    [InlineData("heap")]
    public async Task A_command_that_reaches_a_stopped_process_says_so_in_one_line_within_seconds(string command)
    {
        await using var target = await AnsweringScenarioAsync();
        var pid = target.ProcessId;
        string[] arguments = command == "record"
            ? ["record", "--pid", $"{pid}", "-o", TuiProfCli.TempFile("stopped.jsonl")]
            : ["heap", "--pid", $"{pid}"];
        await WhileStoppedAsync(pid, async () =>
        {
            var clock = Stopwatch.StartNew();
            var result = await TuiProfCli.RunAsync(arguments);

            Assert.True(clock.Elapsed < AnswerBound, $"took {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
            Assert.Equal($"tuiprof: process {pid} did not answer for 5 s: stopped? (kill -CONT {pid})", line);
        });
    }

    [Fact(Timeout = 60_000)]
    public Task Attaching_the_live_screen_to_a_stopped_process_says_so_and_q_quits_at_once_leaving_the_terminal_as_found() =>
        AttachToStoppedThenQuitAsync(async (tui, pid) =>
        {
            var screen = await tui.WaitForAsync(s => s.Contains($"process {pid} did not answer for 5 s"), "why nothing comes", seconds: 15);
            Assert.Contains($"(kill -CONT {pid})", screen);
        });

    [Fact(Timeout = 60_000)]
    public Task Q_quits_the_live_screen_at_once_while_it_still_waits_for_a_stopped_process() =>
        AttachToStoppedThenQuitAsync((tui, _) => tui.WaitForAsync(s => s.Contains("starting"), "the attach under way"));

    [Fact(Timeout = 60_000)]
    public async Task A_target_stopped_while_the_live_screen_shows_it_is_said_stopped_and_running_again_once_continued()
    {
        await using var target = await AnsweringScenarioAsync();
        var pid = target.ProcessId;
        await using var tui = await TmuxScreen.StartAsync(120, 30, [], ["attach", $"{pid}"]);
        await tui.WaitForAsync(s => s.Contains($"pid {pid} running"), "the attach");

        await WhileStoppedAsync(pid, () => tui.WaitForAsync(s => s.Contains($"pid {pid} stopped (kill -CONT {pid})"), "the stop said", seconds: 10));

        await tui.WaitForAsync(s => s.Contains($"pid {pid} running"), "running again", seconds: 10);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_recording_whose_target_stops_midway_ends_at_its_duration_with_whole_lines()
    {
        await using var target = await AnsweringScenarioAsync();
        var file = TuiProfCli.TempFile("stopped-midway.jsonl");
        await using var recording = Record(target.ProcessId, file, "-d", "3");
        await Signals.WaitForLineAsync(file, l => l.Contains("\"type\":\"sample\""), Limit);
        var recordingFor = Stopwatch.StartNew(); // the duration counts from before the first sample
        await WhileStoppedAsync(target.ProcessId, async () =>
        {
            var result = await recording.Exited.WaitAsync(Limit);

            Assert.True(recordingFor.Elapsed < TimeSpan.FromSeconds(3) + QuitBound, $"ended {recordingFor.Elapsed.TotalSeconds:0.00} s after its first sample");
            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Contains("recorded ", result.StandardError);
            AssertWholeLines(file);
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task SIGINT_ends_a_recording_whose_target_stopped_midway_within_2_s_with_whole_lines()
    {
        await using var target = await AnsweringScenarioAsync();
        var file = TuiProfCli.TempFile("interrupted.jsonl");
        await using var recording = Record(target.ProcessId, file);
        await Signals.WaitForLineAsync(file, l => l.Contains("\"type\":\"sample\""), Limit);
        await WhileStoppedAsync(target.ProcessId, async () =>
        {
            var clock = Stopwatch.StartNew();
            await Signals.SendAsync(recording.ProcessId, "INT");
            var result = await recording.Exited.WaitAsync(Limit);

            Assert.True(clock.Elapsed < QuitBound, $"took {clock.Elapsed.TotalSeconds:0.00} s");
            // Its own summary: the recording ended itself, not cut off by the command line's 2 s grace after a signal.
            Assert.Contains("recorded ", result.StandardError);
            AssertWholeLines(file);
        });
    }

    [Fact(Timeout = 90_000)]
    public async Task In_top_a_dashboard_that_could_not_start_on_a_stopped_process_starts_once_it_continues()
    {
        await using var target = await AnsweringScenarioAsync();
        var pid = target.ProcessId;
        await using var tui = await TmuxScreen.StartAsync(120, 30, [], ["top", "--pid", $"{pid}"]);
        await tui.WaitForAsync(s => s.Contains("1 .NET process") && s.Contains($" {pid} "), "its row");

        await WhileStoppedAsync(pid, async () =>
        {
            await tui.SendKeysAsync("Enter");
            await tui.WaitForAsync(s => s.Contains($"process {pid} did not answer for 5 s"), "the dashboard failed on the stopped process", seconds: 15);
        });
        await tui.SendKeysAsync("Escape");
        await tui.WaitForAsync(s => s.Contains("1 .NET process"), "back on the list");
        await tui.SendKeysAsync("Enter");

        // Once, the failed dashboard was kept and shown again, whatever the process did since.
        await tui.WaitForAsync(s => s.Contains($"pid {pid} running"), "the dashboard started anew", seconds: 15);
    }

    /// <summary>Stops the process (SIGSTOP) for <paramref name="body"/>, and continues it after, whatever happened.</summary>
    private static async Task WhileStoppedAsync(int pid, Func<Task> body)
    {
        await Signals.SendAsync(pid, "STOP");
        try { await body(); }
        finally { await Signals.SendAsync(pid, "CONT"); }
    }

    /// <summary>The live screen attached to a stopped process: <paramref name="before"/> the screen, then q must quit cleanly.</summary>
    private static async Task AttachToStoppedThenQuitAsync(Func<TmuxScreen, int, Task> before)
    {
        await using var target = await AnsweringScenarioAsync();
        var pid = target.ProcessId;
        await WhileStoppedAsync(pid, async () =>
        {
            await using var tui = await TmuxScreen.StartAsync(120, 30, [], ["attach", $"{pid}"]);
            await before(tui, pid);

            var clock = Stopwatch.StartNew();
            await tui.SendKeysAsync("q");
            var exited = await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the exit", seconds: 10);

            Assert.True(clock.Elapsed < QuitBound, $"q took {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Contains($"{TmuxScreen.ExitMarker} 0", exited);
            Assert.DoesNotContain("   at ", await tui.CaptureHistoryAsync()); // no stack trace
            Assert.Equal("0 0 0 29 0 1 0", await tui.TerminalStateAsync()); // normal cursor keys and keypad, main screen...
        });
    }

    /// <summary>A scenario whose runtime has answered once: stopped later, it is a stopped runtime, not a missing one.</summary>
    private static async Task<RunningScenario> AnsweringScenarioAsync()
    {
        var target = new RunningScenario("baseline");
        await Signals.WaitForSocketAsync(target.ProcessId, Limit);
        var client = new DiagnosticsClient(target.ProcessId);
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            try
            {
                await Task.Run(client.GetProcessEnvironment).WaitAsync(Limit);
                return target;
            }
            catch (Exception e) when (e is ServerNotAvailableException or IOException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20); // the socket is bound a moment before the runtime listens on it
            }
        }
    }

    private static RunningProcess Record(int pid, string file, params string[] more) =>
        RunningProcess.Start(Cli.Wrap(DotNetHost.Path).WithArguments([Program, "record", "--pid", $"{pid}", "-o", file, .. more])
            .WithValidation(CommandResultValidation.None), 2 * Limit);

    private static void AssertWholeLines(string file)
    {
        var text = Signals.ReadShared(file);
        Assert.EndsWith("\n", text);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.Contains(lines, l => l.Contains("\"type\":\"sample\""));
    }
}
