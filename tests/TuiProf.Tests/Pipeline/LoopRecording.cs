using System.Collections.Concurrent;
using CliWrap;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Faults;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Pipeline;

/// <summary>
/// A scenario recorded as the TUI runs it, in loop mode, by the real <c>tuiprof record --loop</c> on a given
/// <see cref="Machine"/>, until it has printed the line that ends a run <c>runs</c> times (then stopped with
/// SIGINT, as a person would): a count of runs, not of seconds, so a busy machine gets as many. Each recording is
/// made once and shared by the tests that check its claims.
/// </summary>
public static class LoopRecording
{
    private static readonly string Program = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private static readonly ConcurrentDictionary<(string, Machine), Lazy<Task<IReadOnlyList<TimelineEvent>>>> Made = new();

    /// <summary>The output line each scenario prints at the end of a run.</summary>
    private static readonly Dictionary<string, string> RunEnd = new()
    {
        ["churn"] = "Churned;", ["leak"] = "handlers still subscribed", ["loh"] = "Allocated 4000",
    };

    public static Task<IReadOnlyList<TimelineEvent>> RecordAsync(string scenario, Machine machine, int runs = 3) =>
        Made.GetOrAdd((scenario, machine), _ => new(() => MakeAsync(scenario, machine, runs))).Value;

    private static async Task<IReadOnlyList<TimelineEvent>> MakeAsync(string scenario, Machine machine, int runs)
    {
        var file = TuiProfCli.TempFile($"{scenario}-{machine}.jsonl");
        await using var recording = RunningProcess.Start(Cli.Wrap(TuiProf.Targets.DotNetHost.Path)
            .WithArguments([Program, "record", scenario, "--loop", "--out", file])
            .WithEnvironmentVariables(env => { foreach (var (name, value) in MachineEnvironment.Of(machine)) env.Set(name, value); })
            .WithValidation(CommandResultValidation.None), Limit);
        var end = RunEnd.GetValueOrDefault(scenario, "Averages: ");
        // Until the last run's line and a call of the next run (the last run's own calls come over EventPipe, up to
        // ~0.2 s after its line on stdout). A scenario that dies (crash) ends the recording itself.
        var done = Task.Run(async () =>
        {
            while (!recording.HasExited && !HasRuns(file, end, runs))
                await Task.Delay(100);
        });
        await done.WaitAsync(Limit);
        if (!recording.HasExited) await Signals.SendAsync(recording.ProcessId, "INT");
        var result = await recording.Exited.WaitAsync(Limit);
        // 0 once stopped; a scenario that died on its own (crash: SIGABRT, 134) passes its code on, and says so.
        Assert.True(result.ExitCode is 0 or 130 || result.StandardError.Contains($"exited with code {result.ExitCode}"),
            $"tuiprof record exited with {result.ExitCode}: {result.StandardError}");
        using var reader = File.OpenText(file);
        return JsonLinesReader.Read(reader).Events;
    }

    private static bool HasRuns(string file, string end, int runs)
    {
        if (!File.Exists(file)) return false;
        var parts = Signals.ReadShared(file).Split(end);
        return parts.Length > runs && parts[runs].Contains("\"type\":\"bracket\"");
    }
}
