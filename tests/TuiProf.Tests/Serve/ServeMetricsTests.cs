using TuiProf.Core.Export;
using TuiProf.Core.Fleet;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Serve;

/// <summary>What serve's /metrics says of a process's events: names, labels and values, and when its series end.</summary>
public class ServeMetricsTests
{
    private readonly ManualClock _clock = new();
    private readonly FleetMetrics _metrics;
    private readonly ExportedProcess _process = new("pid 4242", 4242, "Shop.Api", "dotnet Shop.Api.dll --secret \"x\"", () => false, () => 3);

    public ServeMetricsTests() => _metrics = new FleetMetrics(TimeSpan.FromSeconds(1), _clock);

    [Theory]
    [InlineData("dotnet.gc.collections", "{collection}", true, "dotnet_gc_collections_total")]
    [InlineData("dotnet.gc.heap.total_allocated", "By", true, "dotnet_gc_heap_total_allocated_bytes_total")]
    [InlineData("dotnet.gc.pause.time", "s", true, "dotnet_gc_pause_time_seconds_total")]
    [InlineData("dotnet.process.memory.working_set", "By", false, "dotnet_process_memory_working_set_bytes")]
    [InlineData("tuiprof.gc.time_in_gc", "%", false, "tuiprof_gc_time_in_gc_percent")]
    public void An_OpenTelemetry_name_is_rendered_as_Prometheus_own_conversion_renders_it(string name, string unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusName.Of(name, unit, counter));

    [Fact]
    public void Each_event_of_a_process_is_served_under_its_convention_name_with_the_process_s_labels()
    {
        Observe(new MemorySample(1, Rss: 90_000_000, Heap: 30_000_000, Generations: new GenerationSizes(1, 2, 3, 24_000_000, 5)),
            new GcEvent(1, 1, 0, "AllocSmall", "NonConcurrentGC", 1, 250, null, null),
            new GcEvent(2, 2, 2, "Induced", "NonConcurrentGC", 1, 500, null, null),
            new GcEvent(3, 3, 0, "AllocSmall", "NonConcurrentGC", 1, 250, null, null),
            new Bracket(1, 1.25, "1", "Work", 0, 1) { Allocated = new CallAllocation(4_000, 100) },
            new CounterReading(2, CounterId.Runtime("alloc-rate"), 1_000_000),
            new CounterReading(2, CounterId.Runtime("time-in-gc"), 12.5));

        var text = Scrape(withCommandLine: false);

        const string process = "pid=\"4242\",process=\"Shop.Api\",host=\"box\"";
        Assert.Contains($"dotnet_process_memory_working_set_bytes{{{process}}} 90000000\n", text);
        Assert.Contains($"tuiprof_gc_heap_size_bytes{{{process}}} 30000000\n", text);
        Assert.Contains($"dotnet_gc_last_collection_heap_size_bytes{{{process},dotnet_gc_heap_generation=\"loh\"}} 24000000\n", text);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter\n", text);
        Assert.Contains($"dotnet_gc_collections_total{{{process},dotnet_gc_heap_generation=\"gen0\"}} 2\n", text);
        Assert.Contains($"dotnet_gc_collections_total{{{process},dotnet_gc_heap_generation=\"gen2\"}} 1\n", text);
        Assert.Contains($"tuiprof_gc_collections_total{{{process},dotnet_gc_heap_generation=\"gen2\",tuiprof_gc_reason=\"Induced\"}} 1\n", text);
        Assert.Contains($"dotnet_gc_pause_time_seconds_total{{{process}}} 1\n", text);
        Assert.Contains($"tuiprof_gc_pause_duration_seconds_bucket{{{process},le=\"0.5\"}} 3\n", text);
        Assert.Contains($"tuiprof_gc_pause_duration_seconds_bucket{{{process},le=\"0.1\"}} 0\n", text);
        Assert.Contains($"tuiprof_gc_time_in_gc_percent{{{process}}} 12.5\n", text);
        Assert.Contains($"dotnet_gc_heap_total_allocated_bytes_total{{{process}}} 1000000\n", text);
        Assert.Contains("# TYPE tuiprof_bracket_duration_seconds histogram\n", text);
        Assert.Contains($"tuiprof_bracket_duration_seconds_bucket{{{process},tuiprof_bracket_name=\"Work\",le=\"0.25\"}} 1\n", text);
        Assert.Contains($"tuiprof_bracket_duration_seconds_bucket{{{process},tuiprof_bracket_name=\"Work\",le=\"+Inf\"}} 1\n", text);
        Assert.Contains($"tuiprof_bracket_duration_seconds_count{{{process},tuiprof_bracket_name=\"Work\"}} 1\n", text);
        Assert.Contains($"tuiprof_bracket_allocated_bytes_total{{{process},tuiprof_bracket_name=\"Work\"}} 4000\n", text);
        Assert.DoesNotContain("command_line", text);
    }

    [Fact]
    public void The_command_line_is_a_label_only_when_asked_for()
    {
        Observe(new MemorySample(1, Rss: 1));

        Assert.Contains("command_line=\"dotnet Shop.Api.dll --secret \\\"x\\\"\"", Scrape(withCommandLine: true));
    }

    [Fact]
    public void An_ended_process_is_served_until_a_scrape_past_its_end_and_then_no_more()
    {
        Observe(new MemorySample(1, Rss: 1), new TargetExited(2, 0));

        Assert.Contains("dotnet_process_memory_working_set_bytes{", Scrape(withCommandLine: false));
        _clock.Advance(FleetMetrics.FinalScrapeAfter);
        Assert.Contains("dotnet_process_memory_working_set_bytes{", Scrape(withCommandLine: false));
        Assert.DoesNotContain("dotnet_process_memory_working_set_bytes{", Scrape(withCommandLine: false));
    }

    [Fact]
    public void An_ended_process_no_one_scrapes_is_forgotten_when_another_arrives()
    {
        Observe(new MemorySample(1, Rss: 1), new TargetExited(2, 0));
        _clock.Advance(FleetMetrics.ForgetUnscrapedAfter);
        _metrics.Observe(new ExportedProcess("/tmp/app.sock", null, "/tmp/app.sock", "", () => false, () => 3), new MemorySample(3, Heap: 1));

        Assert.DoesNotContain("pid=\"4242\"", Scrape(withCommandLine: false));
    }

    private void Observe(params TimelineEvent[] events)
    {
        foreach (var e in events) _metrics.Observe(_process, e);
    }

    private string Scrape(bool withCommandLine) => PrometheusText.Of(_metrics.Scrape(), "box", withCommandLine);

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
