namespace TuiProf.Tests.Targets;

/// <summary>
/// The small real projects of <see cref="TestProjectSources"/>, written to a temp dir and restored and built once per
/// test run (restore is the slow part), deleted at the end with every process they left.
/// </summary>
public sealed class TestProjects : IAsyncLifetime
{
    /// <summary>MSBuild node reuse and the compiler server off: a build's processes all end with it.</summary>
    public static readonly string[] NoLeftovers = ["-nodeReuse:false", "-p:UseSharedCompilation=false"];

    private readonly TreeProcesses _build = new($"fixture-{Guid.NewGuid():N}");

    public string Root { get; } = Directory.CreateTempSubdirectory("tuiprof-projects-").FullName;

    public string Solution => Path.Combine(Root, "Shapes", "Shapes.slnx");

    /// <summary>What building <see cref="Solution"/> produces last (the app, after both libraries).</summary>
    public string SolutionOutput => Path.Combine(Root, "Shapes", "App", "bin", "Debug", "net10.0", "Shapes.App.dll");

    public string ActivityAppProject => Path.Combine(Root, "ActivityApp");

    public string ActivityApp => Path.Combine(Root, "ActivityApp", "bin", "Debug", "net10.0", "ActivityApp.dll");

    public string TestProject => Path.Combine(Root, "ActivityTests");

    public string PortApp => Path.Combine(Root, "PortApp", "bin", "Debug", "net10.0", "PortApp.dll");

    public async Task InitializeAsync()
    {
        foreach (var (path, text) in TestProjectSources.Files)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text);
        }
        var build = await DotNetCommands.RunAsync(
            DotNetCommands.Dotnet(_build, ["build", Path.Combine(Root, "All.slnx"), .. NoLeftovers]), _build, TimeSpan.FromMinutes(5));
        if (build.ExitCode != 0) throw new InvalidOperationException($"the test projects did not build: {build}");
    }

    /// <summary>Removes the solution's build outputs (not its restore), so the next build compiles all three projects.</summary>
    public void CleanSolution()
    {
        foreach (var project in new[] { "App", "Geometry", "Text" })
        {
            var dir = Path.Combine(Root, "Shapes", project);
            foreach (var output in new[] { Path.Combine(dir, "bin"), Path.Combine(dir, "obj", "Debug") })
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

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
