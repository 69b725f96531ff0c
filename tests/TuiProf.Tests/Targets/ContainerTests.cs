using CliWrap;

namespace TuiProf.Tests.Targets;

[Collection(TestProjectsCollection.Name)]
public sealed class ContainerTests(TestProjects projects) : TargetTest
{
    [UnshareFact]
    public async Task A_runtime_in_its_own_pid_namespace_is_reached_by_its_host_pid_and_by_its_socket_without_a_local_rss()
    {
        // The container's TMPDIR is a volume shared with the host, where the runtime's socket appears.
        var volume = Directory.CreateTempSubdirectory("tuiprof-volume-").FullName;
        using var limit = new CancellationTokenSource(HangLimit);
        // PID 1 of a namespace ignores SIGTERM; --kill-child takes the app along when unshare is killed.
        var container = DotNetCommands.Marked(Cli.Wrap("unshare")
                .WithArguments(["--pid", "--fork", "--mount-proc", "--kill-child", TuiProf.Targets.DotNetHost.Path, projects.PortApp, "60"]),
                Tree, new() { ["TMPDIR"] = volume })
            .ExecuteAsync(limit.Token);
        var socket = await WaitForRuntimeSocketAsync(volume, limit.Token);
        Assert.Contains("dotnet-diagnostic-1-", socket); // named with PID 1, as the runtime sees itself
        var hostPid = Faults.Signals.ChildrenOf(container.ProcessId).Single();
        var byPid = OutFile("by-pid.jsonl");
        var byPort = OutFile("by-port.jsonl");

        var attach = await RecordAsync("--pid", $"{hostPid}", "--out", byPid, "--duration", "3");
        var connect = await RecordAsync("--diagnostic-port", socket + ",connect", "--out", byPort, "--duration", "3");

        // By host PID too: the diagnostics client maps it to the namespace's PID (NSpid) and finds the socket under
        // /proc/PID/root and the process's own TMPDIR, where this machine's root may look.
        Assert.True(attach.ExitCode == 0, attach.ToString());
        Assert.NotEmpty(RecordedFile.Read(byPid).OfType("gc"));
        Assert.True(connect.ExitCode == 0, connect.ToString());
        var recording = RecordedFile.Read(byPort);
        Assert.NotEmpty(recording.OfType("gc"));
        Assert.Contains("Tick", recording.BracketNames);
        Assert.Contains(recording.OfType("notice"), n => n.GetProperty("text").GetString()!.Contains("RSS", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(recording.OfType("sample"), s => s.TryGetProperty("heap", out _));
    }
}
