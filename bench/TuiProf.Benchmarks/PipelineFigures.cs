using CliWrap;
using CliWrap.Buffered;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Sources;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;
using TuiProf.Targets;

namespace TuiProf.Benchmarks;

/// <summary>Whole-process figures of the pipeline: event latency, sample rate, target slowdown, memory.</summary>
public static class PipelineFigures
{

    private static TargetCommand Target(string name) => new(DotNetHost.Path, [Tools.Self, "target", name], name);

    public static async Task<IEnumerable<Row>> LatencyAndRateAsync()
    {
        var latencies = new List<double>();
        int samples = 0;
        double first = double.NaN, last = 0;
        await using (var session = await ProfilingSession.StartAsync(new LaunchedTarget(Target("collect")), new SessionOptions()))
        {
            await foreach (var e in session.Events.ReadAllAsync())
            {
                if (e is GcEvent { IsInduced: true } gc) latencies.Add((session.Now - gc.T) * 1000);
                if (e is MemorySample { Rss: not null } s)
                {
                    samples++;
                    if (double.IsNaN(first)) first = s.T;
                    last = s.T;
                }
            }
        }
        var p50 = Stats.Median(latencies);
        var p95 = Stats.Percentile(latencies, 0.95);
        var rate = (samples - 1) / (last - first);
        return
        [
            new($"event -> timeline latency ({latencies.Count} GC.Collect())", $"p50 {p50:0} ms, p95 {p95:0} ms", "p95 <= 250 ms", p95 <= 250),
            new("sample rate (RSS)", $"{rate:0.0}/s", ">= 20/s", rate >= 20),
        ];
    }

    /// <summary>
    /// The same workload alone, under TuiProf's default session (counters every 1 s), under it with the built-in
    /// scenarios' 0.1 s, with allocation sampling, and under dotnet-counters: interleaved, the order rotated each round so no mode always follows the same one.
    /// </summary>
    public static async Task<IEnumerable<Row>> SlowdownAsync(string? dotnetCounters, int rounds = 9)
    {
        var modes = new List<(string Name, Func<Task<double>> Run)>
        {
            ("alone", async () => Parse((await Cli.Wrap(DotNetHost.Path).WithArguments([Tools.Self, "target", "work"]).ExecuteBufferedAsync()).StandardOutput)),
            ("TuiProf default session (counters every 1 s)", () => UnderTuiProfAsync(new SessionOptions())),
            ("TuiProf, counters every 0.1 s (the built-in scenarios')", () => UnderTuiProfAsync(new SessionOptions { CounterInterval = SessionOptions.PrivateCounterInterval })),
            ("TuiProf --allocations (GCAllocationTick)", () => UnderTuiProfAsync(new SessionOptions { Allocations = true })),
        };
        if (dotnetCounters is not null)
            modes.Add(("dotnet-counters collect (anchor)", () => UnderDotnetCountersAsync(dotnetCounters)));
        var times = await RotatedModes.RunAsync(modes.Select(m => m.Run).ToList(), rounds);

        var baseline = Stats.Median(times[0]);
        return modes.Skip(1).Select((mode, index) =>
        {
            var median = Stats.Median(times[index + 1]);
            var ratio = median / baseline;
            return new Row($"target slowdown, {mode.Name} ({rounds} rotated runs)",
                $"{ratio:0.000} ({median:0} vs {baseline:0} ms)", index == 0 ? "<= 1.02" : "-", index == 0 ? ratio <= 1.02 : null);
        }).ToList();
    }

    private static async Task<double> UnderTuiProfAsync(SessionOptions options)
    {
        await using var session = await ProfilingSession.StartAsync(new LaunchedTarget(Target("work")), options);
        string? result = null;
        await foreach (var e in session.Events.ReadAllAsync())
            if (e is OutputLine { IsError: false } line) result = line.Text;
        return Parse(result ?? "");
    }

    private static async Task<double> UnderDotnetCountersAsync(string tool)
    {
        var output = Path.Combine(Path.GetTempPath(), $"tuiprof-bench-{Guid.NewGuid():N}.csv");
        var result = output + ".result";
        await Cli.Wrap(tool)
            .WithArguments(["collect", "--format", "csv", "-o", output, "--", DotNetHost.Path, Tools.Self, "target", "work"])
            .WithEnvironmentVariables(env => env.Set("BENCH_RESULT", result))
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        var ms = File.Exists(result) ? Parse(await File.ReadAllTextAsync(result)) : double.NaN;
        File.Delete(output);
        File.Delete(result);
        return ms;
    }

    private static double Parse(string line) =>
        double.TryParse(line.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : double.NaN;

    /// <summary>This process's RSS holding one minute, then one hour, of synthetic data.</summary>
    public static IEnumerable<Row> Memory()
    {
        long Rss()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return RssSampler.Read(Environment.ProcessId) ?? 0;
        }
        var minute = SyntheticHour.Timeline(60);
        var afterMinute = Rss();
        GC.KeepAlive(minute);
        minute = null;
        var hour = SyntheticHour.Timeline(3600);
        var afterHour = Rss();
        GC.KeepAlive(hour);
        var ratio = (double)afterHour / afterMinute;
        return [new("memory: RSS with 1 h of data vs 1 min", $"{ratio:0.00} ({afterMinute / 1e6:0} -> {afterHour / 1e6:0} MB)", "<= 1.2", ratio <= 1.2)];
    }
}
