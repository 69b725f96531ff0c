using CliWrap;

namespace TuiProf.Tests.Targets;

[Collection(TestProjectsCollection.Name)]
public sealed class ContainerTests(TestProjects projects) : TargetTest
{
    [UnshareFact(Timeout = 180_000)]
    public async Task A_runtime_in_its_own_pid_namespace_is_reached_by_its_host_pid_and_by_its_socket_without_a_local_rss()
    {
        var (socket, hostPid) = await StartContainerAsync(Volume());
        var byPid = OutFile("by-pid.jsonl");
        var byPort = OutFile("by-port.jsonl");

        // A dead runtime that had the host PID left its socket where tuiprof runs: PIDs come round, and a CI run
        // once had one. It is not the container's, whose socket the client looks for under /proc/PID/root.
        var leftovers = TestTemp.Directory("tuiprof-leftovers-");
        File.WriteAllText(Path.Join(leftovers, $"dotnet-diagnostic-{hostPid}-1-socket"), "");

        var attach = await DotNetCommands.RunAsync(DotNetCommands.TuiProf(Tree, new Dictionary<string, string> { ["TMPDIR"] = leftovers },
            "record", "--pid", $"{hostPid}", "--out", byPid, "--duration", "3"), Tree, HangLimit);
        Directory.Delete(leftovers, recursive: true);
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

    [UnshareFact(Timeout = 180_000)]
    public async Task A_runtime_numbered_1_in_its_own_pid_namespace_is_not_taken_for_this_machines_pid_1()
    {
        // Its socket, in a TMPDIR this machine's processes share, is named with PID 1: the diagnostics client takes it
        // for the host's PID 1, which is no .NET program.
        var volume = Volume();
        var (_, hostPid) = await StartContainerAsync(volume);
        var sharing = new Dictionary<string, string> { ["TMPDIR"] = volume };

        var ps = await DotNetCommands.RunAsync(DotNetCommands.TuiProf(Tree, sharing, "ps"), Tree, HangLimit);
        var attach = await DotNetCommands.RunAsync(DotNetCommands.TuiProf(Tree, sharing, "record", "--pid", "1", "--out", OutFile("pid1.jsonl")), Tree, HangLimit);

        Assert.DoesNotContain(ps.StandardOutput.Split('\n'), line => line.TrimStart().StartsWith("1 "));
        Assert.Contains(ps.StandardOutput.Split('\n'), line => line.TrimStart().StartsWith($"{hostPid} "));
        Assert.True(attach.ExitCode != 0, attach.ToString());
        Assert.Contains("process 1 has no diagnostics socket of its own", attach.StandardError);
        Assert.Single(attach.StandardError.Trim().Split('\n'));
    }

    /// <summary>The container's TMPDIR: a volume shared with the host, where the runtime's socket appears.</summary>
    private static string Volume() => TestTemp.Directory("tuiprof-volume-");

    /// <summary>PortApp as PID 1 of its own PID namespace, for the test's length: its socket and its PID on this machine.</summary>
    private async Task<(string Socket, int HostPid)> StartContainerAsync(string volume)
    {
        using var limit = new CancellationTokenSource(HangLimit);
        // PID 1 of a namespace ignores SIGTERM; --kill-child takes the app along when unshare is killed.
        var container = DotNetCommands.Marked(Cli.Wrap("unshare")
                .WithArguments(["--pid", "--fork", "--mount-proc", "--kill-child", TuiProf.Targets.DotNetHost.Path, projects.PortApp, "60"]),
                Tree, new() { ["TMPDIR"] = volume })
            .ExecuteAsync();
        var socket = await WaitForRuntimeSocketAsync(volume, limit.Token);
        Assert.Contains("dotnet-diagnostic-1-", socket); // named with PID 1, as the runtime sees itself
        return (socket, Faults.Signals.ChildrenOf(container.ProcessId).Single());
    }
}
