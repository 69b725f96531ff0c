using TuiProf.Core.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Tui;

namespace TuiProf.Tests.Faults;

/// <summary>
/// Listening on a diagnostic port (<c>--diagnostic-port PATH</c>) for a runtime that may never come: -d, q and
/// signals end the wait, the socket file goes with TuiProf, and one left by a TuiProf killed outright is replaced.
/// </summary>
public class ListenStopTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 60_000)]
    public async Task Listening_with_a_duration_ends_when_it_elapses_with_one_line_that_nobody_connected_and_no_socket_left()
    {
        var socket = TuiProfCli.TempFile("port.sock");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await RecordForAsync(socket, seconds: 2);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed} for -d 2"); // loose: start-up is not what is tested
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"tuiprof: no runtime connected to {socket} within 2 s", result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.False(File.Exists(socket), "the socket file was left behind");
    }

    [Fact(Timeout = 60_000)]
    public async Task SIGTERM_while_listening_ends_in_one_line_with_143_and_removes_the_socket()
    {
        var socket = TuiProfCli.TempFile("port.sock");
        await using var record = await ListeningAsync(socket);

        var (exitCode, took) = await record.StopWithAsync("TERM", Limit);

        Assert.True(took < TimeSpan.FromSeconds(2), $"took {took}");
        Assert.Equal(143, exitCode);
        Assert.Equal("tuiprof: stopped by SIGTERM", record.StandardError[^1]);
        Assert.DoesNotContain(record.StandardError, l => l.Contains("Exception"));
        Assert.False(File.Exists(socket), "the socket file was left behind");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_socket_left_by_a_listener_killed_with_SIGKILL_does_not_block_the_next_one()
    {
        var socket = TuiProfCli.TempFile("port.sock");
        await using (var killed = await ListeningAsync(socket))
            await killed.StopWithAsync("KILL", Limit);
        Assert.Equal(SocketFile.State.Stale, SocketFile.Of(socket)); // what a killed listener leaves

        var next = await RecordForAsync(socket, seconds: 1);

        Assert.Contains($"tuiprof: no runtime connected to {socket} within 1 s", next.StandardError); // it listened
        Assert.False(File.Exists(socket), "the socket file was left behind");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_path_another_tuiprof_listens_on_is_refused_in_one_line_and_the_first_keeps_it()
    {
        var socket = TuiProfCli.TempFile("port.sock");
        await using var first = await ListeningAsync(socket);

        var second = await RecordForAsync(socket, seconds: 1);

        Assert.Equal(1, second.ExitCode);
        var line = Assert.Single(second.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"tuiprof: diagnostic port {socket}: something listens there already", line);
        Assert.Equal(SocketFile.State.Listened, SocketFile.Of(socket));
        Assert.False(first.Ended.IsCompleted, "the first listener ended");
    }

    [Fact(Timeout = 90_000)]
    public async Task The_live_screen_listening_quits_on_q_within_2_s_restores_the_terminal_removes_its_socket_and_the_path_serves_again()
    {
        var socket = TuiProfCli.TempFile("port.sock");
        for (var run = 1; run <= 2; run++)
        {
            await using var tui = await TmuxScreen.StartAsync(100, 30, [], ["run", "--diagnostic-port", socket]);
            await tui.WaitForAsync(s => s.Contains("waiting: start your program"), $"run {run} waiting for a runtime");
            await WaitForFileAsync(socket);

            var clock = System.Diagnostics.Stopwatch.StartNew();
            await tui.SendKeysAsync("q");
            var screen = await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), $"run {run} quitting on q", seconds: 10);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"run {run}: q took {clock.Elapsed}");
            Assert.Contains($"{TmuxScreen.ExitMarker} 0", screen);
            Assert.Equal("0 0 0 29 0 1 0", await tui.TerminalStateAsync()); // as a fresh pane: see TerminalStateAsync
            Assert.False(File.Exists(socket), $"run {run} left its socket file");
        }
    }

    /// <summary>A recording that listens on <paramref name="socket"/> for as long as nobody connects.</summary>
    private static async Task<RunningTuiProf> ListeningAsync(string socket)
    {
        var record = new RunningTuiProf("record", "--diagnostic-port", socket, "--out", TuiProfCli.TempFile("r.jsonl"));
        await WaitForFileAsync(socket);
        return record;
    }

    private static Task<Processes.ProcessOutcome> RecordForAsync(string socket, int seconds) =>
        TuiProfCli.RunAsync("record", "--diagnostic-port", socket, "--out", TuiProfCli.TempFile("r.jsonl"), "-d", $"{seconds}");

    /// <summary>The socket appears when listening starts; nothing announces it but the file itself.</summary>
    private static async Task WaitForFileAsync(string path)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} did not appear");
            await Task.Delay(20);
        }
    }
}
