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

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
