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
        await Eventually.ScrapeHoldsAsync(metrics, text => text.Contains($"pid=\"{caller.ProcessId}\""), Within, "the process's series");

        await caller.ResumeAsync();
        Assert.Equal(0, (await caller.Exited.WaitAsync(Within)).ExitCode);
        await Eventually.HoldsAsync(() => Task.FromResult(collector.Spans.Count(s => s.Name == "RandomNumberAverage") == 3 &&
                                                          collector.MetricNames.Contains("dotnet.gc.collections")),
            Within, () => $"three call spans and the metrics; got {collector.Spans.Count} spans, metrics {string.Join(", ", collector.MetricNames)}");

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
        await Eventually.ScrapeHoldsAsync(metrics, text => text.Contains($"pid=\"{scenario.ProcessId}\""), Within, "the process's series");
        Assert.False(scenario.HasExited);
        Assert.Equal(0, (await serve.StopWithAsync("INT", Within)).ExitCode);
    }
}
