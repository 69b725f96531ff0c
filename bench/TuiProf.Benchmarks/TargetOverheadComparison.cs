using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using TuiProf.Targets;

namespace TuiProf.Benchmarks;

/// <summary>
/// The target's own CPU time (bench target <c>work-cpu</c>, <c>Process.TotalProcessorTime</c>) alone and under the
/// real command lines a user types: <c>tuiprof record</c> with its defaults, with <c>--allocations</c>, with
/// <c>--call-sites</c>, and
/// <c>dotnet-counters collect</c>; rotated each round. CPU time, not wall time: this machine's noise spoils it far less.
/// </summary>
public static class TargetOverheadComparison
{
    public static async Task<IReadOnlyList<SideBySide>> MeasureAsync(string dotnetCounters, int runs)
    {
        var times = await RotatedModes.RunAsync(
        [
            () => TargetMillisecondsAsync(DotNetHost.Path, []),
            () => TargetMillisecondsAsync(Tools.TuiProf, ["record", "--out", "{out}", "--"]),
            () => TargetMillisecondsAsync(Tools.TuiProf, ["record", "--allocations", "--out", "{out}", "--"]),
            () => TargetMillisecondsAsync(Tools.TuiProf, ["record", "--call-sites", "--out", "{out}", "--"]),
            () => TargetMillisecondsAsync(dotnetCounters, ["collect", "--format", "csv", "-o", "{out}", "--"]),
        ], runs);
        var (alone, record, allocations, callSites, collect) = (times[0], times[1], times[2], times[3], times[4]);
        SideBySide Figure(string what, List<double> subject, string subjectName, List<double> reference, string referenceName, string target = "-", double? maxRatio = null)
        {
            var figure = new SideBySide($"target's own CPU (work-cpu), {what}", "ms", subjectName, referenceName, target, maxRatio);
            foreach (var (s, r) in subject.Zip(reference)) figure.Add(s, r);
            return figure;
        }
        return
        [
            Figure("`tuiprof record` defaults / alone", record, "record", alone, "alone"),
            Figure("`tuiprof record --allocations` / alone", allocations, "--allocations", alone, "alone", "<= 1.10x", 1.10),
            Figure("`tuiprof record --call-sites` (stacks too) / alone", callSites, "--call-sites", alone, "alone"),
            Figure("`dotnet-counters collect` / alone", collect, "collect", alone, "alone"),
            Figure("`tuiprof record` / `dotnet-counters collect`", record, "record", collect, "collect", "<= 1.0x", 1.0),
        ];
    }

    /// <summary>
    /// Runs <c>tool prefix... dotnet bench target work-cpu</c> ("{out}" in the prefix: a temporary file) and returns
    /// the target's CPU ms, which it writes to BENCH_RESULT's file since not every tool passes its output on.
    /// </summary>
    private static async Task<double> TargetMillisecondsAsync(string tool, string[] prefix)
    {
        var output = Path.Combine(Path.GetTempPath(), $"tuiprof-bench-{Guid.NewGuid():N}");
        var result = output + ".result";
        try
        {
            string[] target = tool == DotNetHost.Path ? [Tools.Self, "target", "work-cpu"] : [DotNetHost.Path, Tools.Self, "target", "work-cpu"];
            await Cli.Wrap(tool).WithArguments([.. prefix.Select(a => a == "{out}" ? output : a), .. target])
                .WithEnvironmentVariables(env => env.Set("BENCH_RESULT", result))
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
            return File.Exists(result) ? double.Parse((await File.ReadAllTextAsync(result)).Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;
        }
        finally
        {
            File.Delete(output);
            File.Delete(result);
        }
    }
}
