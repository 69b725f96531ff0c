namespace TuiProf.Tests.Targets;

[Collection(TestProjectsCollection.Name)]
public sealed class ProcessTreeTests(TestProjects projects) : TargetTest
{
    [Fact]
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

    [Fact]
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
}
