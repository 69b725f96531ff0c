using System.Text.Json;
using CliWrap;
using TuiProf.Core.Targets;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.Targets;

namespace TuiProf.Tests.Faults;

/// <summary>
/// A process that carries a launch's mark but is not the launch's own (another user's, or one of ours started
/// elsewhere) is neither followed nor resumed nor killed. The mark is read as root can, from the launched process's
/// environment, so the checks are proven to hold even for someone who knows it.
/// </summary>
public sealed class AdoptionTests : TargetTest
{
    private const string UserName = "tuiprof-adopt";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the intruder is given to be adopted once its socket exists: TuiProf sees a socket within milliseconds
    /// (inotify) or at its next 1 s sweep, and the old code adopted in about 0.1 s. Absence can only be awaited so.
    /// </summary>
    private static readonly TimeSpan Unclaimed = TimeSpan.FromSeconds(3);

    [RootTheory(Timeout = 120_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Another_users_process_with_the_launch_mark_paused_or_not_is_neither_followed_nor_resumed_nor_killed(bool paused)
    {
        var user = await SecondUser.CreateAsync(UserName);

        var outcome = await RecordBesideAsync(user.Run(DotNetHost.Path, ScenarioCatalog.AssemblyPath, "baseline", "--loop"), paused);

        outcome.AssertNotAdopted();
        Assert.True(outcome.HeldWhileRecording == paused, $"the intruder {outcome.Intruder} was {(paused ? "resumed" : "held")}");
        Assert.True(outcome.AliveAfter, $"the intruder {outcome.Intruder} was killed when tuiprof ended");
    }

    [RootFact(Timeout = 120_000)]
    public async Task A_runtime_of_the_launch_that_runs_as_another_user_is_not_followed_and_said_so_in_one_line()
    {
        var user = await SecondUser.CreateAsync(UserName);

        var run = await RecordAsync(["--out", OutFile("foreign.jsonl"), "--", "setpriv", .. user.Arguments(
            "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", DotNetHost.Path, ScenarioCatalog.AssemblyPath, "baseline")]);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain('\n', run.StandardError.Trim());
        Assert.Matches(@"^tuiprof: process \d+ has no \.NET diagnostics endpoint after 5 s .*; process \d+ of its tree runs as another user: not followed",
            run.StandardError.Trim());
        AssertNone("left running", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_process_of_ours_with_the_launch_mark_that_tuiprof_did_not_launch_is_neither_followed_nor_resumed()
    {
        var outcome = await RecordBesideAsync(Cli.Wrap(DotNetHost.Path).WithArguments([ScenarioCatalog.AssemblyPath, "baseline", "--loop"]),
            paused: true);

        outcome.AssertNotAdopted();
        Assert.True(outcome.HeldWhileRecording, $"the intruder {outcome.Intruder} was resumed");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_background_child_whose_parent_exits_before_its_runtime_starts_is_followed_to_its_end()
    {
        // The subshell forks the scenario and exits at once, well before the runtime makes its socket: the scenario is
        // an orphan by then, still the launch's (TuiProf is its subreaper). cat ends when the scenario closes the pipe.
        var file = OutFile("orphan.jsonl");

        var run = await RecordAsync("--out", file, "--", "sh", "-c", $"('{DotNetHost.Path}' '{ScenarioCatalog.AssemblyPath}' baseline &) | cat");

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        var orphan = RecordedFile.Pid(Assert.Single(recording.Followed));
        Assert.Contains(recording.Events, e => recording.ProcessOf(e) == orphan);
        AssertNone("left running", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact(Timeout = 120_000)]
    public async Task An_orphan_that_exits_while_tuiprof_runs_is_reported_gone_and_reaped()
    {
        // The looping scenario is the launch's first runtime: the orphan starts after its first output, so after
        // TuiProf resumed it. The orphan, re-parented to TuiProf, exits after one run: a zombie, until TuiProf waits for it.
        var file = OutFile("zombie.jsonl");
        var scenario = $"'{DotNetHost.Path}' '{ScenarioCatalog.AssemblyPath}' baseline";
        var script = $"{scenario} --loop | {{ read -r first; echo \"$first\"; ( ({scenario}) & ); cat; }}";
        var recording = DotNetCommands.TuiProf(Tree, "record", "--follow", "all", "--out", file, "--", "sh", "-c", script).ExecuteAsync();

        await Signals.WaitForLineAsync(file, l => l.Contains("\"type\":\"processExit\""), Limit);
        var zombies = await ZombieChildrenAfterAsync(recording.ProcessId, TimeSpan.FromSeconds(10));
        await Signals.SendAsync(recording.ProcessId, "INT");
        await recording.Task.WaitAsync(Limit);

        var recorded = RecordedFile.Read(file);
        var orphan = RecordedFile.Pid(Assert.Single(recorded.Followed, p => !RecordedFile.Describe(p).Contains("--loop")));
        Assert.Equal(orphan, RecordedFile.Pid(Assert.Single(recorded.OfType("processExit"))));
        Assert.Empty(zombies);
    }

    /// <summary>The process's zombie children, once there are none or after <paramref name="limit"/>.</summary>
    private static async Task<List<int>> ZombieChildrenAfterAsync(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var zombies = Signals.ChildrenOf(pid).Where(c => TreeProcesses.State(c) == 'Z').ToList();
            if (zombies.Count == 0 || DateTime.UtcNow > deadline) return zombies;
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Records a looping scenario while an intruder, started with the launch's mark (and paused at startup or not),
    /// has its diagnostics socket in the same folder; then stops the recording with SIGINT.
    /// </summary>
    private async Task<Outcome> RecordBesideAsync(Command intruderCommand, bool paused)
    {
        var file = OutFile("adopt.jsonl");
        var recording = DotNetCommands.TuiProf(Tree, "record", "--out", file, "--", DotNetHost.Path, ScenarioCatalog.AssemblyPath, "baseline", "--loop")
            .ExecuteAsync();
        await Signals.WaitForLineAsync(file, l => l.Contains("\"type\":\"start\""), Limit);
        var launched = JsonDocument.Parse(Signals.ReadShared(file).Split('\n')[0]).RootElement.GetProperty("pid").GetInt32();
        var mark = MarkOf(launched);
        Assert.Empty(CommandLinesHolding(mark)); // where any user could read it

        using var stopIntruder = new CancellationTokenSource(Limit * 2);
        var intruder = DotNetCommands.Marked(intruderCommand, Tree, new Dictionary<string, string>
        {
            [LaunchMark.Variable] = mark,
            ["DOTNET_DefaultDiagnosticPortSuspend"] = paused ? "1" : "0",
            ["TMPDIR"] = Path.GetTempPath(), // where tuiprof looks for sockets
            ["HOME"] = "/tmp",
            ["DOTNET_CLI_HOME"] = "/tmp",
        }).ExecuteAsync(stopIntruder.Token);
        try
        {
            await Signals.WaitForSocketAsync(intruder.ProcessId, Limit);
            await Signals.WaitForLineAsync(file, l => l.Contains($"\"pid\":{intruder.ProcessId}"), Unclaimed).ContinueWith(_ => { });
            var held = TreeProcesses.IsHeldAtStartup(intruder.ProcessId);

            await Signals.SendAsync(recording.ProcessId, "INT");
            await recording.Task.WaitAsync(Limit);

            return new Outcome(RecordedFile.Read(file), intruder.ProcessId, held, ProcessInfo.IsAlive(intruder.ProcessId));
        }
        finally
        {
            await stopIntruder.CancelAsync();
            await intruder.Task.ContinueWith(_ => { });
        }
    }

    private static string MarkOf(int pid)
    {
        var entry = File.ReadAllText($"/proc/{pid}/environ").Split('\0').Single(e => e.StartsWith(LaunchMark.Variable + "=", StringComparison.Ordinal));
        return entry[(LaunchMark.Variable.Length + 1)..];
    }

    private static List<string> CommandLinesHolding(string mark) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit))
            .Select(n => TreeProcesses.CommandLine(int.Parse(n!))).Where(c => c.Contains(mark, StringComparison.Ordinal)).ToList();

    private sealed record Outcome(RecordedFile Recording, int Intruder, bool HeldWhileRecording, bool AliveAfter)
    {
        public void AssertNotAdopted()
        {
            Assert.True(Recording.Processes.Any(), Recording.Summary()); // the launched scenario was recorded
            Assert.DoesNotContain(Recording.Lines, l => l.TryGetProperty("pid", out var pid) && pid.GetInt32() == Intruder);
        }
    }
}
