using CliWrap;
using TuiProf.Core.Targets;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Faults;

/// <summary>
/// A diagnostics socket that another user put in /tmp under the name a process's runtime would use is not opened: a
/// runtime's socket is its process owner's, and TuiProf (often root) would otherwise talk to whoever listens on it.
/// </summary>
public class PlantedSocketTests
{
    [RootFact(Timeout = 60_000)]
    public async Task A_socket_another_user_planted_under_a_processs_name_is_refused_in_one_line_and_not_listed()
    {
        var intruder = await SecondUser.CreateAsync("tuiprof-adopt");
        using var cleanup = new CancellationTokenSource();
        // A process of ours with no socket of its own; the intruder listens under the name its runtime would have.
        var victim = Cli.Wrap("sleep").WithArguments("60").ExecuteAsync(cleanup.Token);
        var socket = Path.Combine(Path.GetTempPath(), $"{DiagnosticSocket.Prefix}{victim.ProcessId}-{ProcessInfo.StartTime(victim.ProcessId)}-socket");
        var listener = intruder.Run("/usr/bin/python3", "-c",
                "import socket, sys, time; s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(); print('listening', flush=True); time.sleep(60)",
                socket)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(_ => listening.TrySetResult()))
            .ExecuteAsync(cleanup.Token);
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(20));

            var result = await TuiProfCli.RunAsync("record", "--pid", $"{victim.ProcessId}", "--out", TuiProfCli.TempFile("r.jsonl"), "--duration", "2");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"tuiprof: process {victim.ProcessId}: the diagnostics socket {socket} belongs to another user, not to the " +
                         "process's owner: not opened (another user may have put it there)", result.StandardError.Trim());
            var listed = await TuiProfCli.RunAsync("ps");
            Assert.DoesNotContain($" {victim.ProcessId} ", $" {listed.StandardOutput} ");
        }
        finally
        {
            await cleanup.CancelAsync();
            await Task.WhenAll(victim.Task, listener.Task).ContinueWith(_ => { }); // killed: their cancellation is expected
            File.Delete(socket);
        }
    }

    /// <summary>
    /// A runtime killed outright leaves its socket behind, and its PID comes round again: another user's leftover,
    /// older than the live runtime's own socket, is not what the client would open, so the process is profiled (CI left
    /// a child of a launch paused for good when such a leftover was taken for a plant).
    /// </summary>
    [RootFact(Timeout = 60_000)]
    public async Task An_older_socket_another_user_left_under_a_reused_pid_does_not_stop_the_process_being_profiled()
    {
        var other = await SecondUser.CreateAsync("tuiprof-adopt");
        await using var running = new RunningScenario("baseline");
        await Signals.WaitForSocketAsync(running.ProcessId, TimeSpan.FromSeconds(30));
        var leftover = Path.Combine(Path.GetTempPath(), $"{DiagnosticSocket.Prefix}{running.ProcessId}-1-socket");
        await other.Run("/usr/bin/python3", "-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", leftover).ExecuteAsync();
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-1)); // it was there before the process started
        try
        {
            var result = await TuiProfCli.RunAsync("record", "--pid", $"{running.ProcessId}", "--out", TuiProfCli.TempFile("reused.jsonl"), "--duration", "1");

            Assert.True(result.ExitCode == 0, result.StandardError);
            var listed = await TuiProfCli.RunAsync("ps");
            Assert.Contains($" {running.ProcessId} ", $" {listed.StandardOutput} ");
        }
        finally
        {
            File.Delete(leftover);
        }
    }

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
