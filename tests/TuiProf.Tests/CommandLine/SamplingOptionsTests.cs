using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.CommandLine;

public class SamplingOptionsTests
{
    [Fact(Timeout = 60_000)]
    public async Task Interval_sets_the_rss_sample_period()
    {
        var samples = await RecordAsync("--interval", "0.1");

        var rss = samples.Where(s => s.Rss is not null).ToList();
        var rate = (rss.Count - 1) / (rss[^1].T - rss[0].T);
        Assert.InRange(rate, 8, 10.5);
    }

    [Fact(Timeout = 60_000)]
    public async Task Counter_interval_sets_how_often_the_heap_counter_is_read()
    {
        // The heap line is the runtime's heap counter; a built-in scenario, watched by TuiProf alone, reads it every 0.1 s.
        var samples = await RecordAsync();
        var fast = samples.Count(s => s.Heap is not null);
        var seconds = samples.Max(s => s.T) - samples.Min(s => s.T);
        var slow = (await RecordAsync("--counter-interval", "1")).Count(s => s.Heap is not null);

        Assert.True(fast >= seconds / 0.1 * 0.7, $"{fast} heap counter readings at the scenarios' 0.1 s over a {seconds:0.0} s run");
        Assert.InRange(slow, 1, (int)Math.Ceiling(seconds) + 1);
    }

    [Fact(Timeout = 60_000)]
    public async Task No_rss_records_the_gc_heap_alone()
    {
        var samples = await RecordAsync("--no-rss");

        Assert.DoesNotContain(samples, s => s.Rss is not null);
        Assert.Contains(samples, s => s.Heap is not null);
    }

    [Fact(Timeout = 60_000)]
    public async Task Allocations_are_sampled_by_type_only_when_asked()
    {
        var sampled = await RecordEventsAsync("--allocations");
        var plain = await RecordEventsAsync();

        // The three calls allocate 24 + 40 + 32 MB of longs; a sample stands for the ~100 KB since the last one.
        var longs = sampled.OfType<AllocationSample>().Where(a => a.TypeName == "System.Int64[]").Sum(a => a.Bytes);
        Assert.InRange(longs, 95_000_000, 97_000_000);
        Assert.Empty(plain.OfType<AllocationSample>());
        Assert.Empty(sampled.OfType<AllocationSite>()); // no stacks: they cost the target more than the types
    }

    [Fact(Timeout = 60_000)]
    public async Task Call_sites_name_the_method_that_allocates_and_bring_the_types_with_them()
    {
        var events = await RecordEventsAsync("--call-sites");

        Assert.Contains(events.OfType<AllocationSample>(), a => a.TypeName == "System.Int64[]");
        var longs = events.OfType<AllocationSite>().Where(s => s.TypeName == "System.Int64[]").ToList();
        Assert.NotEmpty(longs);
        Assert.All(longs, site => Assert.Contains(site.Frames, f => f.EndsWith("RandomNumberAverage", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 60_000)]
    public async Task Counters_adds_a_programs_own_event_counters()
    {
        var events = await RecordScenarioAsync("churn", "--counters", "TuiProf.Scenarios");

        var objects = events.OfType<CounterReading>().Where(c => c.Counter.Key == "TuiProf.Scenarios/objects-allocated").ToList();
        Assert.NotEmpty(objects);
        Assert.True(objects.Max(c => c.Value) > 1_000_000, $"churn allocates millions of objects a second: {objects.Max(c => c.Value)}");
    }

    private static async Task<List<MemorySample>> RecordAsync(params string[] options) =>
        (await RecordEventsAsync(options)).OfType<MemorySample>().ToList();

    private static Task<IReadOnlyList<TimelineEvent>> RecordEventsAsync(params string[] options) =>
        RecordScenarioAsync("baseline", options);

    private static async Task<IReadOnlyList<TimelineEvent>> RecordScenarioAsync(string scenario, params string[] options)
    {
        var file = TuiProfCli.TempFile("sampled.jsonl");
        var result = await TuiProfCli.RunAsync(["record", scenario, "--out", file, .. options]);
        Assert.Equal(0, result.ExitCode);
        using var reader = File.OpenText(file);
        return JsonLinesReader.Read(reader).Events;
    }
}
