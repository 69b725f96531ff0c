using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.CommandLine;

public class SamplingOptionsTests
{
    [Fact]
    public async Task Interval_sets_the_rss_sample_period()
    {
        var samples = await RecordAsync("--interval", "0.1");

        var rss = samples.Where(s => s.Rss is not null).ToList();
        var rate = (rss.Count - 1) / (rss[^1].T - rss[0].T);
        Assert.InRange(rate, 8, 10.5);
    }

    [Fact]
    public async Task No_rss_records_the_gc_heap_alone()
    {
        var samples = await RecordAsync("--no-rss");

        Assert.DoesNotContain(samples, s => s.Rss is not null);
        Assert.Contains(samples, s => s.Heap is not null);
    }

    private static async Task<List<MemorySample>> RecordAsync(params string[] options)
    {
        var file = TuiProfCli.TempFile("sampled.jsonl");
        var result = await TuiProfCli.RunAsync(["record", "baseline", "--out", file, .. options]);
        Assert.Equal(0, result.ExitCode);
        using var reader = File.OpenText(file);
        return JsonLinesReader.Read(reader).Events.OfType<MemorySample>().ToList();
    }
}
