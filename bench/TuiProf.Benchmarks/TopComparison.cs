using System.Diagnostics;

namespace TuiProf.Benchmarks;

/// <summary>
/// <c>tuiprof top</c> on five scenario processes against five <c>dotnet-counters monitor</c> sessions, one on each,
/// every tool in its own tmux at 120x40. In turn (the order rotated each round) on the same five targets: no tool,
/// top, the five monitors; the tools' CPU and RSS, and what each costs the targets over running with no tool.
/// </summary>
public static class TopComparison
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(8);
    // No churn: a target that keeps a core busy makes its own CPU too noisy to see what a tool costs it.
    private static readonly string[] Scenarios = ["baseline", "cycle", "manual-collect", "baseline", "cycle"];

    public static async Task<IReadOnlyList<SideBySide>> MeasureAsync(string dotnetCounters, TimeSpan span, int rounds)
    {
        var cpu = new SideBySide($"CPU over {span.TotalSeconds:0} s on {Scenarios.Length} processes, `top` / {Scenarios.Length} `monitor`s",
            "% of a core", "top", "monitors", "<= 1.0x", MaxRatio: 1.0);
        var rss = new SideBySide($"RSS after {(WarmUp + span).TotalSeconds:0} s, `top` / the {Scenarios.Length} `monitor`s' sum", "MB", "top", "monitors");
        var targets = new SideBySide($"the {Scenarios.Length} targets' CPU over running with no tool", "% of a core", "top", "monitors", "<= 1.0x", MaxRatio: 1.0);
        var processes = new List<WatchedProcess>();
        try
        {
            foreach (var scenario in Scenarios) processes.Add(await WatchedProcess.ScenarioAsync(scenario));
            var pids = processes.Select(p => p.Pid).ToList();
            var none = new List<double>();
            var withTop = new List<(double Tool, double Rss, double Targets)>();
            var withCounters = new List<(double Tool, double Rss, double Targets)>();
            await RotatedModes.RunAsync(
            [
                async () => { none.Add((await PhaseAsync([], pids, span)).Targets); return 0; },
                async () => { withTop.Add(await PhaseAsync([$"{Tools.TuiProf} top {string.Join(' ', pids.Select(p => $"--pid {p}"))}"], pids, span)); return 0; },
                async () => { withCounters.Add(await PhaseAsync(pids.Select(p => $"{dotnetCounters} monitor --refresh-interval 1 -p {p}").ToList(), pids, span)); return 0; },
            ], rounds);
            for (var i = 0; i < rounds; i++)
            {
                cpu.Add(withTop[i].Tool, withCounters[i].Tool);
                rss.Add(withTop[i].Rss, withCounters[i].Rss);
                targets.Add(withTop[i].Targets - none[i], withCounters[i].Targets - none[i]);
            }
        }
        finally
        {
            foreach (var process in processes) await process.DisposeAsync();
        }
        return [cpu, targets, rss];
    }

    /// <summary>The tools started, warmed up, then their CPU and the targets' over the span, and the tools' RSS at its end.</summary>
    private static async Task<(double Tool, double Rss, double Targets)> PhaseAsync(IReadOnlyList<string> tools, IReadOnlyList<int> targets, TimeSpan span)
    {
        var screens = new List<ToolScreen>();
        try
        {
            foreach (var tool in tools) screens.Add(await ToolScreen.StartAsync(tool));
            await Task.Delay(WarmUp);
            long Ticks(IEnumerable<int> pids) => pids.Sum(ProcStat.CpuTicks);
            var (toolTicks, targetTicks) = (Ticks(screens.Select(s => s.Pid)), Ticks(targets));
            var clock = Stopwatch.StartNew();
            await Task.Delay(span);
            return (ProcStat.PercentOfCore(Ticks(screens.Select(s => s.Pid)) - toolTicks, clock.Elapsed),
                screens.Sum(s => ProcStat.Rss(s.Pid)) / 1e6,
                ProcStat.PercentOfCore(Ticks(targets) - targetTicks, clock.Elapsed));
        }
        finally
        {
            foreach (var screen in screens) await screen.DisposeAsync();
        }
    }
}
