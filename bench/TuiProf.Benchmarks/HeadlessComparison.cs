using System.Diagnostics;
using CliWrap;

namespace TuiProf.Benchmarks;

/// <summary>
/// No screen: <c>tuiprof record --pid PID</c> and <c>dotnet-counters collect -p PID</c> on the same scenario process
/// at the same time, each writing its file; the tools' own CPU over the span (after a warm-up), and RSS at its end.
/// </summary>
public static class HeadlessComparison
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<SideBySide>> MeasureAsync(string dotnetCounters, string scenario, TimeSpan span, int rounds)
    {
        var cpu = new SideBySide($"headless CPU over {span.TotalSeconds:0} s, `record` / `collect`, {scenario} --loop", "% of a core",
            "record", "collect", "<= 1.0x", MaxRatio: 1.0);
        var rss = new SideBySide($"headless RSS after {(WarmUp + span).TotalSeconds:0} s, {scenario} --loop", "MB", "record", "collect");
        for (var round = 0; round < rounds; round++)
        {
            await using var target = await WatchedProcess.ScenarioAsync(scenario);
            var files = (Path.GetTempFileName(), Path.GetTempFileName());
            using var stop = new CancellationTokenSource();
            using var kill = new CancellationTokenSource();
            var record = Cli.Wrap(Tools.TuiProf).WithArguments(["record", "--pid", $"{target.Pid}", "--out", files.Item1])
                .WithValidation(CommandResultValidation.None).ExecuteAsync(kill.Token, stop.Token);
            var collect = Cli.Wrap(dotnetCounters).WithArguments(["collect", "-p", $"{target.Pid}", "--format", "csv", "-o", files.Item2])
                .WithValidation(CommandResultValidation.None).ExecuteAsync(kill.Token, stop.Token);
            try
            {
                await Task.Delay(WarmUp);
                var ticks = (ProcStat.CpuTicks(record.ProcessId), ProcStat.CpuTicks(collect.ProcessId));
                var clock = Stopwatch.StartNew();
                await Task.Delay(span);
                cpu.Add(ProcStat.PercentOfCore(ProcStat.CpuTicks(record.ProcessId) - ticks.Item1, clock.Elapsed),
                    ProcStat.PercentOfCore(ProcStat.CpuTicks(collect.ProcessId) - ticks.Item2, clock.Elapsed));
                rss.Add(ProcStat.Rss(record.ProcessId) / 1e6, ProcStat.Rss(collect.ProcessId) / 1e6);
            }
            finally
            {
                await stop.CancelAsync(); // SIGINT: each writes out its file and ends
                // ...unless SIGINT is ignored, as it is for a harness started in the background by a shell.
                kill.CancelAfter(TimeSpan.FromSeconds(5));
                await Task.WhenAll(ToolRun.EndedAsync(record.Task), ToolRun.EndedAsync(collect.Task));
                File.Delete(files.Item1);
                File.Delete(files.Item2);
            }
        }
        return [cpu, rss];
    }
}
