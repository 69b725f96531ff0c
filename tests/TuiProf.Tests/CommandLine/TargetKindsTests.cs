using CliWrap;
using TuiProf.Scenarios;
using TuiProf.Targets;

namespace TuiProf.Tests.CommandLine;

public class TargetKindsTests
{
    [Fact(Timeout = 60_000)]
    public async Task I_can_list_and_attach_to_a_running_dotnet_process_by_pid()
    {
        await using var running = new RunningScenario("baseline");
        var pid = running.ProcessId;
        var file = TuiProfCli.TempFile("attached.jsonl");

        var ps = await TuiProfCli.RunAsync("ps");
        var record = await TuiProfCli.RunAsync("record", "--pid", $"{pid}", "--out", file, "--duration", "4");

        Assert.Contains($"{pid}", ps.StandardOutput);
        Assert.Equal(0, record.ExitCode);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Contains($"\"pid\":{pid}", lines[0]);
        Assert.Contains(lines, l => l.Contains("\"type\":\"bracket\"") && l.Contains("RandomNumberAverage"));
        Assert.Contains(lines, l => l.Contains("\"type\":\"sample\"") && l.Contains("\"heap\""));
        Assert.DoesNotContain(lines, l => l.Contains("\"type\":\"exit\"")); // we only detached
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_record_any_command_given_after_a_double_dash()
    {
        var file = TuiProfCli.TempFile("command.jsonl");

        var record = await TuiProfCli.RunAsync("record", "--out", file, "--", DotNetHost.Path, ScenarioCatalog.AssemblyPath, "leak");

        Assert.Equal(0, record.ExitCode);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(20, lines.Count(l => l.Contains("\"name\":\"HandleRequest\"")));
        Assert.Contains(lines, l => l.Contains("handlers still subscribed"));
        Assert.Equal("{\"type\":\"exit\"", lines[^1][..14]);
    }

    [Fact]
    public void A_thread_id_is_not_taken_for_a_process()
    {
        // A dead process's leftover socket can name a number the kernel has since given to a thread.
        var thread = Directory.GetDirectories($"/proc/{Environment.ProcessId}/task").Select(d => int.Parse(Path.GetFileName(d)))
            .First(id => id != Environment.ProcessId);

        Assert.True(Core.Targets.ProcessInfo.IsAlive(Environment.ProcessId));
        Assert.True(Directory.Exists($"/proc/{thread}"), "/proc answers for thread IDs too");
        Assert.False(Core.Targets.ProcessInfo.IsAlive(thread));
    }
}
