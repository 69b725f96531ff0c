using System.Globalization;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Export;

namespace TuiProf.Tests.Faults;

/// <summary>
/// A profiler must not break the other tools on the same process. EventCounters intervals are shared by every
/// session on a process, and dotnet-counters drops readings of another interval than its own: TuiProf's 0.1 s once
/// left a dotnet-counters in EventCounters mode with no data, during and after. Both of dotnet-counters' modes run
/// here across a TuiProf session with default options, and each must get readings while it is attached and after.
/// </summary>
public class NeighbourTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("EventCounters")]
    [InlineData("Meters")]
    public async Task Dotnet_counters_on_the_same_process_gets_data_while_tuiprof_is_attached_and_after(string mode)
    {
        await using var target = new RunningScenario("baseline");
        await Signals.WaitForSocketAsync(target.ProcessId, TimeSpan.FromSeconds(20));
        var theirs = TuiProfCli.TempFile("neighbour.csv");
        string[] counters = mode == "EventCounters" ? ["--counters", @"EventCounters\System.Runtime"] : [];
        var collect = DotnetCounters.CollectAsync(target.ProcessId, "csv", theirs, seconds: 12, counters);

        var attached = DateTime.Now;
        var tuiprof = await TuiProfCli.RunAsync("record", "--pid", $"{target.ProcessId}", "--duration", "4",
            "--out", TuiProfCli.TempFile("neighbour.jsonl"));
        var detached = DateTime.Now;
        await collect;

        Assert.Equal(0, tuiprof.ExitCode);
        // dotnet-counters stamps each row with local time to the second, once its file is complete.
        var stamps = File.ReadLines(theirs).Skip(1)
            .Select(line => DateTime.ParseExact(line[..line.IndexOf(',')], "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(stamps.Any(t => t > attached.AddSeconds(1) && t < detached.AddSeconds(-1)),
            $"dotnet-counters ({mode}) got nothing while TuiProf was attached ({attached:T}-{detached:T}): {Spread(stamps)}");
        Assert.True(stamps.Any(t => t > detached.AddSeconds(1)),
            $"dotnet-counters ({mode}) got nothing after TuiProf left at {detached:T}: {Spread(stamps)}");
    }

    private static string Spread(List<DateTime> stamps) =>
        stamps.Count == 0 ? "no rows" : $"{stamps.Count} rows, {stamps.Min():T}-{stamps.Max():T}";
}
