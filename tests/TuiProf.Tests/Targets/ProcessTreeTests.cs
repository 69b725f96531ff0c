namespace TuiProf.Tests.Targets;

[Collection(TestProjectsCollection.Name)]
public sealed class ProcessTreeTests(TestProjects projects) : TargetTest
{
    [Fact(Timeout = 180_000)]
    public async Task Fifty_short_lived_dotnet_children_all_run_to_the_end_under_follow_all()
    {
        var file = OutFile("fifty.jsonl");

        var run = await RecordAsync("--follow", "all", "--out", file, "--", "dotnet", projects.ActivityApp, "--spawn", "50");

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        Assert.Contains(recording.OfType("output"), o => o.GetProperty("text").GetString()!.Contains("50 of 50 children exited 0"));
        Assert.Equal(0, recording.OfType("exit").Single().GetProperty("code").GetInt32());
        AssertNone("left running", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact(Timeout = 180_000)]
    public async Task A_child_that_outlives_the_launched_process_is_recorded_to_its_end_and_nothing_is_left()
    {
        var file = OutFile("orphan.jsonl");

        var run = await RecordAsync("--out", file, "--", "dotnet", projects.ActivityApp, "--orphan");

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        var orphan = int.Parse(recording.OfType("output").Select(o => o.GetProperty("text").GetString()!)
            .Single(text => text.StartsWith("left ")).Split(' ')[1]);
        Assert.Contains(recording.Followed, p => RecordedFile.Pid(p) == orphan);
        Assert.Contains(recording.OfType("bracket"), b => b.GetProperty("name").GetString() == "ParseOrder" && recording.ProcessOf(b) == orphan);
        Assert.Contains(recording.OfType("output"), o => o.GetProperty("text").GetString()!.StartsWith("made ")); // its last words
        AssertNone("left running after tuiprof ended", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact(Timeout = 180_000)]
    public async Task A_dead_runtimes_leftover_socket_does_not_hide_a_new_process_that_has_its_pid()
    {
        // A runtime killed outright leaves dotnet-diagnostic-PID-KEY-socket behind, and PIDs come round again: here
        // every one of the next 2 000 PIDs has such a socket, so the launched process and its children all get one.
        var tmp = TestTemp.Directory("tuiprof-leftovers-");
        try
        {
            var (last, max) = (Number("/proc/sys/kernel/ns_last_pid"), Number("/proc/sys/kernel/pid_max"));
            foreach (var pid in Enumerable.Range(last + 1, 2000).Select(p => p < max ? p : 300 + p - max)) // past the top, the kernel starts again at 300
                File.Create(Path.Combine(tmp, $"dotnet-diagnostic-{pid}-1-socket")).Dispose();
            var file = OutFile("leftovers.jsonl");

            var run = await DotNetCommands.RunAsync(DotNetCommands.TuiProf(Tree, new Dictionary<string, string> { ["TMPDIR"] = tmp },
                "record", "--follow", "all", "--out", file, "--", "dotnet", projects.ActivityApp, "--spawn", "3"), Tree, HangLimit);

            Assert.True(run.ExitCode == 0, run.ToString());
            var recording = RecordedFile.Read(file);
            Assert.Contains(recording.OfType("output"), o => o.GetProperty("text").GetString()!.Contains("3 of 3 children exited 0"));
            Assert.Equal(4, recording.Followed.Count());
        }
        finally { Directory.Delete(tmp, recursive: true); }
    }

    private static int Number(string path) => int.Parse(File.ReadAllText(path));
}
