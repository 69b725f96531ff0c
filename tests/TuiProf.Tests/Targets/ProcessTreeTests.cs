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
}
