using System.Text.Json;

namespace TuiProf.Tests.Targets;

[Collection(TestProjectsCollection.Name)]
public sealed class DotNetRunAndTestTests(TestProjects projects) : TargetTest
{
    [Fact(Timeout = 300_000)]
    public async Task Recording_dotnet_run_follows_the_app_and_records_its_own_brackets()
    {
        var file = OutFile("run.jsonl");

        var run = await RecordAsync("--out", file, "--", "dotnet", "run", "--project", projects.ActivityAppProject);

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        var app = FollowedOnly(recording, "ActivityApp");
        Assert.Contains("ParseOrder", recording.BracketNames);
        Assert.Contains("PriceOrder", recording.BracketNames);
        Assert.All(recording.OfType("bracket"), b => Assert.Equal(app, recording.ProcessOf(b)));
    }

    [Fact(Timeout = 300_000)]
    public async Task Recording_dotnet_test_follows_the_testhost_and_records_the_tests_brackets()
    {
        var file = OutFile("test.jsonl");

        var run = await RecordAsync("--out", file, "--", "dotnet", "test", projects.TestProject);

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        var testhost = FollowedOnly(recording, "testhost");
        Assert.Contains("TestCheckout", recording.BracketNames);
        Assert.Contains("TestDiscount", recording.BracketNames);
        Assert.All(recording.OfType("bracket").Where(b => b.GetProperty("name").GetString()!.StartsWith("Test")),
            b => Assert.Equal(testhost, recording.ProcessOf(b)));
    }

    /// <summary>
    /// The one followed descendant, which must be the program that runs the user's code (the launched SDK command may
    /// be profiled too, but no other SDK process: not MSBuild, not vstest.console).
    /// </summary>
    private static int FollowedOnly(RecordedFile recording, string program)
    {
        var followed = recording.Followed.Where(p => RecordedFile.Pid(p) != recording.LaunchedPid).ToList();
        Assert.True(followed.Count == 1 && Names(followed[0], program), $"expected only {program} followed: {recording.Summary()}");
        return RecordedFile.Pid(followed[0]);
    }

    private static bool Names(JsonElement process, string program) => RecordedFile.Describe(process).Contains(program);
}
