using System.Globalization;
using System.Text.RegularExpressions;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Serve;

/// <summary>
/// <c>tuiprof serve</c> scraped by a real Prometheus: what PromQL returns for a process is what the process did.
/// The scenarios start paused and run once, so serve sees each from its first instruction to its exit.
/// </summary>
public class ServePrometheusTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 150_000)]
    public async Task Prometheus_gets_each_process_s_GC_counts_and_bracket_calls_as_it_made_them_and_its_series_end_with_it()
    {
        await using var collector = new PausedScenario("loh");
        await using var caller = new PausedScenario("baseline");
        await collector.WaitUntilAttachableAsync(Within);
        await caller.WaitUntilAttachableAsync(Within);
        var metrics = $"127.0.0.1:{FreePort.Next()}";
        await using var serve = new RunningTuiProf("serve", "--metrics", metrics,
            "--pid", $"{collector.ProcessId}", "--pid", $"{caller.ProcessId}");
        await using var prometheus = new RealPrometheus(metrics);
        await serve.WaitForErrorLineAsync("serving", Within);
        await prometheus.WaitUntilReadyAsync(Within);
        // A working set is served once the process's session runs: from then on every event of it is seen.
        var pids = $"{collector.ProcessId}|{caller.ProcessId}";
        await prometheus.WaitForSeriesAsync($"dotnet_process_memory_working_set_bytes{{pid=~\"{pids}\"}}", 2, Within);

        await collector.ResumeAsync();
        await caller.ResumeAsync();
        var collectorLine = (await collector.Exited.WaitAsync(Within)).StandardOutput;
        Assert.Equal(0, (await caller.Exited.WaitAsync(Within)).ExitCode);
        // Their series stop: a scrape after each end no longer has them, and Prometheus marks them stale.
        await prometheus.WaitForSeriesAsync($"dotnet_process_memory_working_set_bytes{{pid=~\"{pids}\"}}", 0, Within);

        // The loh scenario prints its own GC.CollectionCount(0) (every GC) and (2) as it ends.
        var counts = Regex.Match(collectorLine, @"gen-0 GCs (\d+), gen-2 GCs (\d+)");
        Assert.True(counts.Success, collectorLine);
        Assert.Equal(double.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture),
            await LastAsync(prometheus, $"sum(max_over_time(dotnet_gc_collections_total{{pid=\"{collector.ProcessId}\"}}[5m]))"));
        Assert.Equal(double.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture),
            await LastAsync(prometheus, $"sum(max_over_time(dotnet_gc_collections_total{{pid=\"{collector.ProcessId}\",dotnet_gc_heap_generation=\"gen2\"}}[5m]))"));
        // baseline makes the blog's three calls, each a RandomNumberAverage bracket; loh one SmallArrays and one LargeArrays.
        Assert.Equal(3, await LastAsync(prometheus, $"max_over_time(tuiprof_bracket_duration_seconds_count{{pid=\"{caller.ProcessId}\",tuiprof_bracket_name=\"RandomNumberAverage\"}}[5m])"));
        Assert.Equal(1, await LastAsync(prometheus, $"max_over_time(tuiprof_bracket_duration_seconds_count{{pid=\"{collector.ProcessId}\",tuiprof_bracket_name=\"LargeArrays\"}}[5m])"));
        // Its calls last 0.3, 0.5 and 0.4 s of sleep each, plus filling their arrays.
        var seconds = await LastAsync(prometheus, $"max_over_time(tuiprof_bracket_duration_seconds_sum{{pid=\"{caller.ProcessId}\"}}[5m])");
        Assert.InRange(seconds, 1.2, 3);
        // Its heap held one array of 24 MB at least (0.3 s x 10 M longs), and less than the process's RSS.
        var heap = await LastAsync(prometheus, $"max_over_time(tuiprof_gc_heap_size_bytes{{pid=\"{caller.ProcessId}\"}}[5m])");
        Assert.InRange(heap, 24e6, await LastAsync(prometheus, $"max_over_time(dotnet_process_memory_working_set_bytes{{pid=\"{caller.ProcessId}\"}}[5m])"));
    }

    private static async Task<double> LastAsync(RealPrometheus prometheus, string promql) =>
        Assert.Single(await prometheus.QueryAsync(promql));
}
