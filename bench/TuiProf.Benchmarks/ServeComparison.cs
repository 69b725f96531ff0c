using System.Diagnostics;
using CliWrap;

namespace TuiProf.Benchmarks;

/// <summary>
/// <c>tuiprof serve</c> on ten scenario processes, scraped every second as Prometheus would, against ten
/// <c>dotnet-counters collect</c> sessions, one on each, at the same time on the same targets: the tools' CPU and RSS,
/// and the scrape's time.
/// </summary>
public static class ServeComparison
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly string[] Scenarios = ["baseline", "cycle", "manual-collect", "baseline", "cycle",
        "manual-collect", "baseline", "cycle", "manual-collect", "baseline"];

    public static async Task<IReadOnlyList<SideBySide>> MeasureAsync(string dotnetCounters, TimeSpan span, int rounds)
    {
        var cpu = new SideBySide($"CPU over {span.TotalSeconds:0} s on {Scenarios.Length} processes, `serve` (scraped every 1 s) / " +
                                 $"{Scenarios.Length} `collect`s", "% of a core", "serve", "collects", "<= 5 % (dotnet-monitor's 50m)");
        var rss = new SideBySide($"RSS after {(WarmUp + span).TotalSeconds:0} s, `serve` / the {Scenarios.Length} `collect`s' sum", "MB", "serve",
            "collects", "32Mi (dotnet-monitor's limit)");
        var scrape = new SideBySide($"a scrape of {Scenarios.Length} processes, median / max of the span", "ms", "median", "max");
        for (var round = 0; round < rounds; round++)
        {
            var targets = new List<WatchedProcess>();
            using var stop = new CancellationTokenSource();
            using var kill = new CancellationTokenSource();
            var files = new List<string>();
            try
            {
                foreach (var scenario in Scenarios) targets.Add(await WatchedProcess.ScenarioAsync(scenario));
                var port = FreePort();
                var serve = Cli.Wrap(Tools.TuiProf).WithArguments(["serve", "--metrics", $"127.0.0.1:{port}", .. targets.SelectMany(t => new[] { "--pid", $"{t.Pid}" })])
                    .WithValidation(CommandResultValidation.None).ExecuteAsync(kill.Token, stop.Token);
                var collects = targets.Select(t =>
                {
                    var file = Path.GetTempFileName();
                    files.Add(file);
                    return Cli.Wrap(dotnetCounters).WithArguments(["collect", "-p", $"{t.Pid}", "--format", "csv", "-o", file])
                        .WithValidation(CommandResultValidation.None).ExecuteAsync(kill.Token, stop.Token);
                }).ToList();
                using var http = new HttpClient();
                var scrapes = new List<double>();
                async Task ScrapeFor(TimeSpan during, bool timed)
                {
                    var end = DateTime.UtcNow + during;
                    while (DateTime.UtcNow < end)
                    {
                        var clock = Stopwatch.StartNew();
                        try { await http.GetStringAsync($"http://127.0.0.1:{port}/metrics"); }
                        catch (HttpRequestException) { } // not listening yet
                        if (timed) scrapes.Add(clock.Elapsed.TotalMilliseconds);
                        await Task.Delay(TimeSpan.FromSeconds(1) - clock.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
                    }
                }
                await ScrapeFor(WarmUp, timed: false);
                int[] collectPids = [.. collects.Select(c => c.ProcessId)];
                var ticks = (ProcStat.CpuTicks(serve.ProcessId), collectPids.Sum(ProcStat.CpuTicks));
                var elapsed = Stopwatch.StartNew();
                await ScrapeFor(span, timed: true);
                cpu.Add(ProcStat.PercentOfCore(ProcStat.CpuTicks(serve.ProcessId) - ticks.Item1, elapsed.Elapsed),
                    ProcStat.PercentOfCore(collectPids.Sum(ProcStat.CpuTicks) - ticks.Item2, elapsed.Elapsed));
                rss.Add(ProcStat.Rss(serve.ProcessId) / 1e6, collectPids.Sum(ProcStat.Rss) / 1e6);
                scrapes.Sort();
                scrape.Add(scrapes[scrapes.Count / 2], scrapes[^1]);
                await stop.CancelAsync();
                kill.CancelAfter(TimeSpan.FromSeconds(5));
                await Task.WhenAll(collects.Select(c => ToolRun.EndedAsync(c.Task)).Append(ToolRun.EndedAsync(serve.Task)));
            }
            finally
            {
                foreach (var target in targets) await target.DisposeAsync();
                foreach (var file in files) File.Delete(file);
            }
        }
        return [cpu, rss, scrape];
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
