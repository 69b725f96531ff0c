using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

public class JsonLinesTests
{
    private static readonly TimelineEvent[] Events =
    [
        new MemorySample(0.04, Rss: 36_000_000),
        new MemorySample(0.5, Heap: 24_900_000, Generations: new GenerationSizes(1, 2, 3, 24_000_000, 8184)),
        new GcEvent(1.4786, 2, 2, "Induced", "NonConcurrentGC", 2.943, 3.399, 40_491_032, 381_352),
        new Bracket(0.788, 1.4766, "dfb4", "RandomNumberAverage", 0, 3538),
        new Bracket(1.5, 1.9, "dfb5", "RandomNumberAverage", 0, 3538) { Allocated = new CallAllocation(40_000_024, 594_857) },
        new Bracket(2.0, 2.1, "dfb6", "RandomNumberAverage", 0, 3538) { Allocated = new CallAllocation(102_400, null) },
        new OutputLine(1.49, "Clean up took 0.003503 seconds"),
        new CounterReading(1.5, new CounterId("System.Runtime", "alloc-rate", "Allocation Rate", "B", IsRate: true), 1024),
        new CounterReading(1.5, new CounterId("TuiProf.Scenarios", "objects-allocated"), 7),
        new Notice(1.6, "hello"),
        new TargetExited(2.13, 0),
    ];

    [Fact]
    public void Every_event_type_reads_back_as_it_was_written()
    {
        var stream = new MemoryStream();
        using (var writer = new JsonLinesWriter(stream))
        {
            writer.WriteHeader(new RecordingHeader("manual-collect", 3538, new DateTime(2026, 11, 25, 2, 21, 34, DateTimeKind.Utc)));
            foreach (var e in Events) Assert.True(writer.Write(e));
            Assert.False(writer.Write(new BracketStarted(0, "x", "Open", 0, 1)));
        }

        var file = JsonLinesReader.Read(new StringReader(System.Text.Encoding.UTF8.GetString(stream.ToArray())));

        Assert.Equal(Events, file.Events);
        Assert.Equal(new RecordingHeader("manual-collect", 3538, new DateTime(2026, 11, 25, 2, 21, 34, DateTimeKind.Utc)), file.Header);
        Assert.Equal(0, file.SkippedLines);
    }

    [Fact]
    public void A_torn_or_corrupt_line_is_skipped_and_counted_and_the_rest_is_kept()
    {
        const string text = """
            {"type":"sample","t":0.04,"rss":36000000}
            not json at all
            {"type":"mystery","t":1}
            {"type":"gc","t":1.2,"n":1}
            {"type":"exit","t":2,"code":0}
            {"type":"sample","t":2.1,"rs
            """;

        var file = JsonLinesReader.Read(new StringReader(text));

        Assert.Equal([new MemorySample(0.04, Rss: 36_000_000), new TargetExited(2, 0)], file.Events);
        Assert.Equal(4, file.SkippedLines);
    }
}
