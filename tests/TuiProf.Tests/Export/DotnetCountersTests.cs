using CliWrap;
using TuiProf.Core.Export;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Faults;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Export;

/// <summary>
/// Files the real dotnet-counters writes and TuiProf's exports, read by one reader written for dotnet-counters'
/// files: the same series, with the same names, tags, counter types and units, turn up in both.
/// </summary>
public class DotnetCountersTests
{
    private static readonly string[] Generations = ["gen0", "gen1", "gen2"];
    private static readonly string[] Heaps = ["gen0", "gen1", "gen2", "loh", "poh"];

    [Theory(Timeout = 120_000)]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task One_reader_finds_the_runtime_series_of_dotnet_counters_in_tuiprofs_export_of_the_same_process(string format)
    {
        await using var target = new RunningScenario("manual-collect");
        await Signals.WaitForSocketAsync(target.ProcessId, TimeSpan.FromSeconds(20));
        var real = TuiProfCli.TempFile($"dotnet-counters.{format}");
        var recording = TuiProfCli.TempFile("tuiprof.jsonl");

        // Both at once on one process: dotnet-counters reads the Meter-based instruments, TuiProf EventPipe events.
        // TuiProf records from before dotnet-counters starts until after it ends (attaching took 6 s once on a loaded
        // machine: a fixed duration missed every GC); 5 s hold two of the scenario's ~2.5 s loops and their GCs.
        await using var tuiprof = RunningProcess.Start(Cli.Wrap(TuiProf.Targets.DotNetHost.Path)
            .WithArguments([typeof(TuiProf.Commands.RecordCommand).Assembly.Location, "record", "--pid", $"{target.ProcessId}", "--out", recording])
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(60));
        await Signals.WaitForLineAsync(recording, l => l.Contains("\"type\":\"process\""), TimeSpan.FromSeconds(30));
        await DotnetCounters.CollectAsync(target.ProcessId, format, real, seconds: 5);
        await Signals.SendAsync(tuiprof.ProcessId, "INT");
        Assert.Equal(0, (await tuiprof.Exited).ExitCode);
        var mine = await ExportAsync(recording, format);

        var theirs = await CountersReader.ReadAsync(real);
        var ours = await CountersReader.ReadAsync(mine);

        var expected = new[] { Key(CounterRows.WorkingSet), Key(CounterRows.PauseTime) }
            .Concat(Heaps.Select(g => Key(CounterRows.HeapSize, $"gc.heap.generation={g}")))
            .Concat(Generations.Select(g => Key(CounterRows.Collections, $"gc.heap.generation={g}")));
        foreach (var key in expected)
        {
            Assert.True(theirs.ContainsKey(key), $"dotnet-counters wrote no {key}: {string.Join("; ", theirs.Keys)}");
            Assert.True(ours.ContainsKey(key), $"TuiProf wrote no {key}");
            Assert.Equal(theirs[key].Type, ours[key].Type);
        }
        // Same units: bytes for the working set (RSS) and the heap (at least ~400 KB after any GC: one generation
        // holds a fifth of it), seconds paused.
        var workingSet = Key(CounterRows.WorkingSet);
        Assert.InRange(ours[workingSet].Max / theirs[workingSet].Max, 0.5, 2.0);
        Assert.True(ours[workingSet].Min > 0, "a working set of 0 is a process that is gone");
        double Largest(IReadOnlyDictionary<string, CounterSeries> file) =>
            Heaps.Max(g => file[Key(CounterRows.HeapSize, $"gc.heap.generation={g}")].Max);
        Assert.True(Largest(theirs) > 50_000 && Largest(ours) > 50_000, $"heap sizes {Largest(theirs)} / {Largest(ours)} bytes");
        var paused = Key(CounterRows.PauseTime);
        Assert.InRange(theirs[paused].Sum, 1e-6, 1.0);
        Assert.InRange(ours[paused].Sum, 1e-6, 1.0);
        // Every loop of the scenario runs gen-2 GCs (its AllocLarge GC and GC.Collect()).
        var gen2 = Key(CounterRows.Collections, "gc.heap.generation=gen2");
        Assert.True(theirs[gen2].Sum >= 1 && ours[gen2].Sum >= 1, $"gen-2 GCs: {theirs[gen2].Sum} / {ours[gen2].Sum}");
    }

    [Fact(Timeout = 120_000)]
    public async Task One_reader_finds_the_event_counters_of_dotnet_counters_in_tuiprofs_export()
    {
        // EventCounters' interval is shared by every session on a process: each tool gets a process of its own.
        await using var target = new RunningScenario("manual-collect");
        await Signals.WaitForSocketAsync(target.ProcessId, TimeSpan.FromSeconds(20));
        var real = TuiProfCli.TempFile("dotnet-counters.csv");
        var recording = TuiProfCli.TempFile("tuiprof.jsonl");
        var tuiprof = TuiProfCli.RunAsync("record", "manual-collect", "--out", recording);
        await DotnetCounters.CollectAsync(target.ProcessId, "csv", real, seconds: 3, "--counters", @"EventCounters\System.Runtime");
        Assert.Equal(0, (await tuiprof).ExitCode);

        var theirs = await CountersReader.ReadAsync(real);
        var ours = await CountersReader.ReadAsync(await ExportAsync(recording, "csv"));

        foreach (var key in new[] { CounterRows.GcHeapCounter, "Allocation Rate (B / 1 sec)", "CPU Usage (%)", "% Time in GC since last GC (%)" }.Select(n => Key(n)))
        {
            Assert.True(theirs.ContainsKey(key), $"dotnet-counters wrote no {key}: {string.Join("; ", theirs.Keys)}");
            Assert.True(ours.ContainsKey(key), $"TuiProf wrote no {key}");
            Assert.Equal(theirs[key].Type, ours[key].Type);
        }
        // MB, as the runtime reports it: the scenario's heap holds up to ~64 MB.
        var heap = Key(CounterRows.GcHeapCounter);
        Assert.True(theirs[heap].Max is > 1 and < 1000 && ours[heap].Max is > 1 and < 1000, $"GC heap {theirs[heap].Max} / {ours[heap].Max} MB");
    }

    private static string Key(string name, string tags = "") => $"{CounterRows.Runtime}|{name}|{tags}";

    /// <summary><c>tuiprof export</c> under the same pinned locale as dotnet-counters.</summary>
    private static async Task<string> ExportAsync(string recording, string format)
    {
        var output = Path.ChangeExtension(recording, $".tuiprof.{format}");
        var result = await RunningProcess.RunAsync(Cli.Wrap(TuiProf.Targets.DotNetHost.Path)
            .WithArguments([typeof(TuiProf.Commands.ExportCommand).Assembly.Location, "export", recording, "--format", format, "--out", output])
            .WithEnvironmentVariables(Locale.Pinned)
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.StandardError);
        return output;
    }
}
