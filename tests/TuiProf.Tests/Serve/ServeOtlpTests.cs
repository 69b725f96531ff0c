using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Serve;

/// <summary><c>tuiprof serve --otlp</c> against a collector started by the test, and against none.</summary>
public class ServeOtlpTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(40);

    [Fact(Timeout = 150_000)]
    public async Task Each_call_arrives_as_a_span_each_GC_as_a_GC_span_and_the_metrics_by_their_convention_names()
    {
        using var collector = new OtlpReceiver();
        await using var caller = new PausedScenario("baseline");
        await caller.WaitUntilAttachableAsync(Within);
        var metrics = $"127.0.0.1:{FreePort.Next()}";
        await using var serve = new RunningTuiProf("serve", "--metrics", metrics, "--pid", $"{caller.ProcessId}",
            "--otlp", collector.Url, "--otlp-protocol", "http/protobuf");
        await UntilAsync(async () => (await ScrapeAsync(metrics)).Contains($"pid=\"{caller.ProcessId}\""), "the process's series");

        await caller.ResumeAsync();
        Assert.Equal(0, (await caller.Exited.WaitAsync(Within)).ExitCode);
        await UntilAsync(() => Task.FromResult(collector.Spans.Count(s => s.Name == "RandomNumberAverage") == 3 &&
                                               collector.MetricNames.Contains("dotnet.gc.collections")), "three call spans and the metrics");

        var calls = collector.Spans.Where(s => s.Name == "RandomNumberAverage").OrderBy(s => s.Start).ToList();
        // The calls sleep 0.3, 0.5 and 0.4 s, and are not nested.
        Assert.All(calls.Zip(new[] { 0.3, 0.5, 0.4 }), c => Assert.InRange(c.First.Seconds, c.Second, c.Second + 1));
        Assert.All(calls, c => Assert.Equal("", c.ParentSpanId.Trim('0')));
        Assert.All(calls, c => Assert.Equal($"{caller.ProcessId}", c.Attributes["pid"]));
        var gcs = collector.Spans.Where(s => s.Name == "GC").ToList();
        Assert.NotEmpty(gcs);
        Assert.All(gcs, gc => Assert.Equal("AllocLarge", gc.Attributes["tuiprof.gc.reason"]));
        // Every GC of baseline runs inside a call (its large arrays start them): the calls count them all.
        Assert.Equal(gcs.Count, calls.Sum(c => int.Parse(c.Attributes["tuiprof.bracket.gcs"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("dotnet.process.memory.working_set", collector.MetricNames);
        Assert.Contains("tuiprof.gc.collections", collector.MetricNames);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_collector_that_is_not_there_costs_a_line_and_nothing_else()
    {
        await using var scenario = new RunningScenario("baseline");
        var metrics = $"127.0.0.1:{FreePort.Next()}";
        await using var serve = new RunningTuiProf("serve", "--metrics", metrics, "--pid", $"{scenario.ProcessId}",
            "--otlp", $"http://127.0.0.1:{FreePort.Next()}", "--otlp-protocol", "http/protobuf");

        await serve.WaitForErrorLineAsync("did not take an export", Within);

        Assert.Single(serve.StandardError, l => l.Contains("OTLP: the collector"));
        Assert.Contains($"pid=\"{scenario.ProcessId}\"", await ScrapeAsync(metrics));
        Assert.False(scenario.HasExited);
        Assert.Equal(0, (await serve.StopWithAsync("INT", Within)).ExitCode);
    }

    private static async Task<string> ScrapeAsync(string metrics)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync($"http://{metrics}/metrics");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { /* serve not listening yet */ }
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"no {what} within {Within.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
