namespace TuiProf.Tests.Targets;

/// <summary>
/// The small real projects of <see cref="TestProjectSources"/>, written to a temp dir and restored and built once per
/// test run (restore is the slow part), deleted at the end with every process they left.
/// </summary>
public sealed class TestProjects : IAsyncLifetime
{
    private readonly TreeProcesses _build = new($"fixture-{Guid.NewGuid():N}");

    public string Root { get; } = TestTemp.Directory("tuiprof-projects-");

    public string Solution => TestProjectSources.Solution(Root);

    public string SolutionOutput => TestProjectSources.SolutionOutput(Root);

    public string ActivityAppProject => Path.Combine(Root, "ActivityApp");

    public string ActivityApp => Path.Combine(Root, "ActivityApp", "bin", "Debug", "net10.0", "ActivityApp.dll");

    public string TestProject => Path.Combine(Root, "ActivityTests");

    public string PortApp => Path.Combine(Root, "PortApp", "bin", "Debug", "net10.0", "PortApp.dll");

    public string CacheApp => Path.Combine(Root, "CacheApp", "bin", "Debug", "net10.0", "CacheApp.dll");

    public async Task InitializeAsync()
    {
        TestProjectSources.WriteTo(Root, _ => true);
        var build = await DotNetCommands.RunAsync(
            DotNetCommands.Dotnet(_build, ["build", Path.Combine(Root, "All.slnx"), .. TestProjectSources.NoLeftovers]), _build, TimeSpan.FromMinutes(5));
        if (build.ExitCode != 0) throw new InvalidOperationException($"the test projects did not build: {build}");
    }

    public void CleanSolution() => TestProjectSources.CleanSolution(Root);

    public Task DisposeAsync()
    {
        _build.KillAll();
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class TestProjectsCollection : ICollectionFixture<TestProjects>
{
    /// <summary>Tests that build or run these projects run one at a time: each build takes both cores.</summary>
    public const string Name = "real dotnet projects";
}
