namespace TuiProf.Tests.Targets;

/// <summary>The controls: the test projects do what the other tests rely on when run without tuiprof.</summary>
[Collection(TestProjectsCollection.Name)]
public sealed class TestProjectsTests(TestProjects projects) : TargetTest
{
    [Fact(Timeout = 300_000)]
    public async Task The_solution_compiles_on_its_own_and_every_process_of_its_build_ends()
    {
        projects.CleanSolution();

        var build = await DotNetCommands.RunAsync(
            DotNetCommands.Dotnet(Tree, ["build", projects.Solution, .. TestProjectSources.NoLeftovers]), Tree, HangLimit);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(projects.SolutionOutput));
        AssertNone("left running", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact(Timeout = 300_000)]
    public async Task The_activity_app_starts_fifty_dotnet_children_that_all_exit_0()
    {
        var run = await DotNetCommands.RunAsync(DotNetCommands.Dotnet(Tree, [projects.ActivityApp, "--spawn", "50"]), Tree, HangLimit);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("50 of 50 children exited 0", run.StandardOutput);
    }
}
