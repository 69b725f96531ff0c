using System.Diagnostics;
using TuiProf.Targets;
using TuiProf.Tui;

namespace TuiProf.Benchmarks;

/// <summary>
/// <c>tuiprof attach</c> and <c>dotnet-counters monitor --refresh-interval 1</c> on the same scenario process at
/// the same time, each in its own tmux at 120x40 (<see cref="ToolScreen"/>): CPU and bytes to the terminal over the
/// span, RSS at its end, then the own allocation rate read by a probe session on each. Beside them the floors: an
/// empty Terminal.Gui screen (as it comes, and as TuiProf runs it) and a runtime that does nothing.
/// </summary>
public static class LiveScreenComparison
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    /// <summary>
    /// TuiProf's own runtime settings (server GC for DATAS, no tiered PGO...), copied beside the bench by the project
    /// reference: the floor as TuiProf runs Terminal.Gui runs with them, so its RSS less a runtime doing nothing's is
    /// what Terminal.Gui costs TuiProf.
    /// </summary>
    private static readonly string TuiProfRuntimeConfig = Path.Combine(AppContext.BaseDirectory, "tuiprof.runtimeconfig.json");

    // Long enough for a dozen 1 s readings; not the whole span, which the 10-minute RSS figure makes long.
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(20);

    public static async Task<IReadOnlyList<SideBySide>> MeasureAsync(string dotnetCounters, string scenario, TimeSpan span, int rounds)
    {
        SideBySide Figure(string what, string unit, string target, double? maxRatio = null, double? maxSubject = null) =>
            new($"{what}, {scenario} --loop", unit, "TuiProf", "dotnet-counters", target, maxRatio, maxSubject);
        var cpu = Figure($"live screen CPU over {span.TotalSeconds:0} s at {ToolScreen.Width}x{ToolScreen.Height}", "% of a core", "<= 1.0x", maxRatio: 1.0);
        var rss = Figure($"RSS after {(WarmUp + span).TotalSeconds:0} s", "MB", "<= 1.2x (after 10 min)", maxRatio: 1.2);
        var bytes = Figure("bytes to the terminal", "KB/s", "<= 2x", maxRatio: 2.0);
        var allocation = Figure("own allocation rate (probe session, 1 s counters)", "MB/s", "TuiProf <= 1 MB/s", maxSubject: 1.0);
        var floor = new SideBySide($"Terminal.Gui's floor (an empty view drawn 10 times a second) CPU beside the same, {scenario} --loop",
            "% of a core", "floor", "dotnet-counters");
        var ownFloor = new SideBySide($"the same floor as TuiProf runs Terminal.Gui (input read on arrival, an iteration a frame), {scenario} --loop",
            "% of a core", "floor", "dotnet-counters");
        var floorRss = new SideBySide($"that floor's RSS after {(WarmUp + span).TotalSeconds:0} s (TuiProf's GC settings), beside dotnet-counters'",
            "MB", "floor", "dotnet-counters");
        var bareRss = new SideBySide("a runtime that does nothing (bench target idle): RSS, beside dotnet-counters'", "MB", "idle", "dotnet-counters");
        for (var round = 0; round < rounds; round++)
        {
            await using var target = await WatchedProcess.ScenarioAsync(scenario);
            await using var tuiprof = await ToolScreen.StartAsync($"{Tools.TuiProf} attach {target.Pid}");
            await using var counters = await ToolScreen.StartAsync($"{dotnetCounters} monitor --refresh-interval 1 -p {target.Pid}");
            await using var terminal = await ToolScreen.StartAsync($"{DotNetHost.Path} {Tools.Self} target terminal-floor");
            await using var idle = await WatchedProcess.BenchTargetAsync("idle", _ => { });
            await using var ownTerminal = await ToolScreen.StartAsync($"{DotNetHost.Path} exec --runtimeconfig {TuiProfRuntimeConfig} {Tools.Self} target terminal-floor-tuiprof");
            await Task.Delay(WarmUp);

            var received = (Path.GetTempFileName(), Path.GetTempFileName());
            try
            {
                await tuiprof.Tmux.PipeToAsync(received.Item1);
                await counters.Tmux.PipeToAsync(received.Item2);
                var ticks = (ProcStat.CpuTicks(tuiprof.Pid), ProcStat.CpuTicks(counters.Pid), ProcStat.CpuTicks(terminal.Pid),
                    ProcStat.CpuTicks(ownTerminal.Pid));
                var clock = Stopwatch.StartNew();
                await Task.Delay(span);
                var elapsed = clock.Elapsed;
                var countersCpu = ProcStat.PercentOfCore(ProcStat.CpuTicks(counters.Pid) - ticks.Item2, elapsed);
                cpu.Add(ProcStat.PercentOfCore(ProcStat.CpuTicks(tuiprof.Pid) - ticks.Item1, elapsed), countersCpu);
                floor.Add(ProcStat.PercentOfCore(ProcStat.CpuTicks(terminal.Pid) - ticks.Item3, elapsed), countersCpu);
                ownFloor.Add(ProcStat.PercentOfCore(ProcStat.CpuTicks(ownTerminal.Pid) - ticks.Item4, elapsed), countersCpu);
                bytes.Add(new FileInfo(received.Item1).Length / 1e3 / elapsed.TotalSeconds, new FileInfo(received.Item2).Length / 1e3 / elapsed.TotalSeconds);
                rss.Add(ProcStat.Rss(tuiprof.Pid) / 1e6, ProcStat.Rss(counters.Pid) / 1e6);
                floorRss.Add(ProcStat.Rss(ownTerminal.Pid) / 1e6, ProcStat.Rss(counters.Pid) / 1e6);
                bareRss.Add(ProcStat.Rss(idle.Pid) / 1e6, ProcStat.Rss(counters.Pid) / 1e6);
            }
            finally
            {
                File.Delete(received.Item1);
                File.Delete(received.Item2);
            }

            var probeSpan = span < ProbeLimit ? span : ProbeLimit;
            var probes = (AllocationProbe.MegabytesPerSecondAsync(tuiprof.Pid, probeSpan), AllocationProbe.MegabytesPerSecondAsync(counters.Pid, probeSpan));
            allocation.Add(await probes.Item1, await probes.Item2);
        }
        return [cpu, floor, ownFloor, rss, floorRss, bareRss, bytes, allocation];
    }
}
