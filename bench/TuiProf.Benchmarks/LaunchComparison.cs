using System.Diagnostics;
using System.Text.RegularExpressions;
using TuiProf.Scenarios;
using TuiProf.Targets;

namespace TuiProf.Benchmarks;

/// <summary>
/// From launching each tool on a new <c>baseline --loop</c> to the first screen with a memory figure: TuiProf's
/// "running" and its braille graph, dotnet-counters' GC heap size by generation with a number. Rotated, the first
/// run of each (disk cache, this harness's own JIT) not counted.
/// </summary>
public static partial class LaunchComparison
{
    public static async Task<IReadOnlyList<SideBySide>> MeasureAsync(string dotnetCounters, int rounds)
    {
        // The runtime's pins on the scenario only (env execs the host, so the launched process is still the runtime).
        var pins = string.Join(' ', PinnedRuntime.Environment.Select(pin => $"{pin.Key}={pin.Value}"));
        var scenario = $"env {pins} {DotNetHost.Path} {ScenarioCatalog.AssemblyPath} baseline --loop";
        var times = await RotatedModes.RunAsync(
        [
            () => MillisecondsAsync($"{Tools.TuiProf} run -- {scenario}", screen => screen.Contains("running") && ScreenFigures.Braille(screen)),
            () => MillisecondsAsync($"{dotnetCounters} monitor --refresh-interval 1 -- {scenario}", CountersHeapLine().IsMatch),
        ], rounds + 1);
        var figure = new SideBySide("launch -> first useful frame, baseline --loop", "ms", "TuiProf", "dotnet-counters", "TuiProf <= 400 ms", MaxSubject: 400);
        for (var i = 1; i <= rounds; i++) figure.Add(times[0][i], times[1][i]);
        return [figure];
    }

    private static async Task<double> MillisecondsAsync(string command, Func<string, bool> useful)
    {
        var clock = Stopwatch.StartNew();
        await using var screen = await ToolScreen.StartAsync(command);
        await screen.Tmux.WaitForAsync(useful, TimeSpan.FromSeconds(20));
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>dotnet.gc.last_collection.heap.size, then its table of generations with a number in the gen0 row.</summary>
    [GeneratedRegex(@"dotnet\.gc\.last_collection\.heap\.size.*\n(?:.*\n){0,4}?\s*gen0\s+[\d,]+")]
    private static partial Regex CountersHeapLine();
}
