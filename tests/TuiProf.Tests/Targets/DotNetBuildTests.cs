namespace TuiProf.Tests.Targets;

[Collection(TestProjectsCollection.Name)]
public sealed class DotNetBuildTests(TestProjects projects) : TargetTest
{
    [Fact(Timeout = 300_000)]
    public async Task Recording_a_dotnet_build_that_compiles_finishes_and_leaves_no_process_behind()
    {
        var recording = await RecordCleanBuildAsync("build.jsonl", [], TestProjectSources.NoLeftovers);

        Assert.Equal(0, recording.OfType("exit").Single().GetProperty("code").GetInt32());
        AssertNone("left running", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact(Timeout = 300_000)]
    public async Task Recording_a_dotnet_build_with_node_reuse_on_leaves_its_reusable_nodes_running_not_suspended()
    {
        await RecordCleanBuildAsync("build-defaults.jsonl", []);

        // MSBuild nodes and the compiler server stay for the next build, as they do for every user: alive, not held.
        AssertNone("stopped or held at startup", await Tree.StuckAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact(Timeout = 300_000)]
    public async Task A_build_whose_profiler_is_killed_is_ended_with_it_and_leaves_nothing_suspended()
    {
        projects.CleanSolution();
        var file = OutFile("killed.jsonl");
        using var limit = new CancellationTokenSource(HangLimit);
        var tuiprof = DotNetCommands.TuiProf(Tree, ["record", "--out", file, "--", "dotnet", "build", projects.Solution, .. TestProjectSources.NoLeftovers])
            .ExecuteAsync(limit.Token);

        await WaitForCompilerAsync(TimeSpan.FromSeconds(60));
        await Faults.Signals.SendAsync(tuiprof.ProcessId, "KILL");
        await tuiprof.Task.ContinueWith(_ => { });

        // README: when tuiprof ends, even by kill -9, its watchdog ends every process of the launch, wherever it is.
        AssertNone("left running", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact(Timeout = 300_000)]
    public async Task Following_all_profiles_every_dotnet_process_of_a_build_and_names_each_events_process()
    {
        var recording = await RecordCleanBuildAsync("follow-all.jsonl", ["--follow", "all"], TestProjectSources.NoLeftovers);

        var followed = recording.Followed.Select(RecordedFile.Pid).Distinct().ToList();
        Assert.True(followed.Count >= 3, $"the build, its nodes and three csc runs, yet followed only: {recording.Summary()}");
        Assert.True(recording.Events.Select(recording.ProcessOf).Distinct().Count() >= 2, recording.Summary());
        Assert.All(recording.Events, e => Assert.Contains(recording.ProcessOf(e), followed.Append(recording.LaunchedPid)));
        // Each csc ends before the build does (a worker node may outlive the recording by a moment: not asserted).
        var exited = recording.OfType("processExit").Select(RecordedFile.Pid).ToHashSet();
        var compilers = recording.Processes.Where(p => RecordedFile.Describe(p).Contains("/csc")).ToList();
        Assert.True(compilers.Count >= 3, recording.Summary());
        Assert.All(compilers, p => Assert.True(exited.Contains(RecordedFile.Pid(p)), $"no processExit for {RecordedFile.Describe(p)}"));
    }

    [Fact(Timeout = 300_000)]
    public async Task Following_a_name_profiles_only_the_processes_of_that_name()
    {
        var recording = await RecordCleanBuildAsync("follow-csc.jsonl", ["--follow", "csc"], TestProjectSources.NoLeftovers);

        Assert.NotEmpty(recording.Followed);
        Assert.All(recording.Followed, p => Assert.Contains("csc", RecordedFile.Describe(p)));
        var compilers = recording.Followed.Select(RecordedFile.Pid).ToHashSet();
        Assert.Contains(recording.Events, e => compilers.Contains(recording.ProcessOf(e)));
        Assert.All(recording.Events, e => Assert.Contains(recording.ProcessOf(e), compilers.Append(recording.LaunchedPid)));
    }

    [Fact(Timeout = 300_000)]
    public async Task Following_none_profiles_only_the_launched_dotnet_build()
    {
        var recording = await RecordCleanBuildAsync("follow-none.jsonl", ["--follow", "none"], TestProjectSources.NoLeftovers);

        Assert.All(recording.Followed, p => Assert.Equal(recording.LaunchedPid, RecordedFile.Pid(p)));
        Assert.All(recording.Events, e => Assert.Equal(recording.LaunchedPid, recording.ProcessOf(e)));
        Assert.NotEmpty(recording.Events);
        AssertNone("left running", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(15)));
    }

    /// <summary>Records <c>dotnet build</c> of the solution with all three projects to compile; it must succeed.</summary>
    private async Task<RecordedFile> RecordCleanBuildAsync(string name, string[] options, params string[] buildArguments)
    {
        projects.CleanSolution();
        var file = OutFile(name);

        var run = await RecordAsync([.. options, "--out", file, "--", "dotnet", "build", projects.Solution, .. buildArguments]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(projects.SolutionOutput), $"the build wrote no {projects.SolutionOutput}");
        return RecordedFile.Read(file);
    }

    /// <summary>Waits for csc (run through its apphost, Roslyn/bincore/csc), to kill tuiprof mid-compile; at most <paramref name="limit"/>.</summary>
    private async Task WaitForCompilerAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Tree.Alive().Any(p => TreeProcesses.CommandLine(p).Split(' ')[0].EndsWith("/csc")) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
    }
}
