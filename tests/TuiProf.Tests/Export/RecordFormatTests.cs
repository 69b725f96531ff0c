using System.Text;
using TuiProf.Commands;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;
using TuiProf.Tests.Pipeline;

namespace TuiProf.Tests.Export;

/// <summary>
/// <c>tuiprof record --format X</c> writes X from the events it kept (<see cref="MemoryRecording"/>), with no JSON
/// Lines written and parsed back, and writes what it wrote before: byte for byte the export of the JSON Lines file
/// of the same events.
/// </summary>
public class RecordFormatTests
{
    [Fact(Timeout = 120_000)]
    public async Task Every_format_written_from_a_real_sessions_events_is_the_export_of_their_json_lines_file_byte_for_byte()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var session = await Recorder.StartAsync("baseline", loop: false, timeout.Token);
        var header = new RecordingHeader("baseline", session.ProcessId, session.OriginUtc);
        var events = new List<TimelineEvent>();
        await foreach (var e in session.Events.ReadAllAsync(timeout.Token)) events.Add(e);

        Assert.Contains(events, e => e is Bracket);
        Assert.Contains(events, e => e is GcEvent);
        AssertExportsAlike(header, events);
    }

    [Fact]
    public void Times_pids_open_brackets_unreadable_durations_and_lone_surrogates_come_out_as_from_the_file()
    {
        var header = new RecordingHeader("dotnet run \ud800", 7, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        AssertExportsAlike(header,
        [
            new MemorySample(0.123456789, Rss: 10_000_000) { Pid = 7 },
            new MemorySample(0.20000499, Generations: new GenerationSizes(1, 2, 3, 4_000_000, 5)) { Pid = 7 },
            new BracketStarted(0.3, "b", "Open", 0, 1) { Pid = 7 },
            new Bracket(0.31234567, 0.98765432, "a", "Work \ud800 done \udc00\ud800 \ud83d\ude00", 0, 1) { Pid = 7 },
            new GcEvent(0.5555555, 3, 2, "Induced", "NonConcurrentGC", 1.23456789, 0.98765432, 20, 10) { Pid = 7 },
            new GcEvent(0.6, 4, 0, "AllocSmall", "NonConcurrentGC", 2e6, 2e6, null, null) { Pid = 7 }, // 33 minutes
            new CounterReading(0.65432, new CounterId("App\ud800", "queue", "Queue \udfff", "items"), 1234.5678) { Pid = 7 },
            new ProcessStarted(0.7, 9, 7, "app", "dotnet app.dll", Followed: true) { Pid = 9 },
            new MemorySample(0.75000001, Rss: 20_000_000) { Pid = 9 },
            new TargetExited(1.00004, 0) { Pid = 7 },
        ]);
    }

    /// <summary>Each format as <c>record --format</c> writes it (a UTF-8 file) from the events, and from their JSON Lines read back.</summary>
    private static void AssertExportsAlike(RecordingHeader header, IReadOnlyList<TimelineEvent> events)
    {
        using var kept = new MemoryRecording();
        var file = new MemoryStream();
        using (var writer = new JsonLinesWriter(file))
        {
            writer.WriteHeader(header);
            kept.WriteHeader(header);
            foreach (var e in events) Assert.Equal(writer.Write(e), kept.Write(e));
        }
        var readBack = JsonLinesReader.Read(new StringReader(Encoding.UTF8.GetString(file.ToArray())));

        Assert.Equal(ExportFormats.Names.Select(format => (format, Export(format, readBack))),
            ExportFormats.Names.Select(format => (format, Export(format, kept.Recording))));
    }

    private static string Export(string format, RecordingFile recording)
    {
        var bytes = new MemoryStream();
        using (var text = new StreamWriter(bytes)) ExportFormats.Write(format, text, recording);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
