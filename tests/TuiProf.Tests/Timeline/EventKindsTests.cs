using System.Reflection;
using TuiProf.Commands;
using TuiProf.Core.Export;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

/// <summary>
/// Every kind of timeline event, found by reflection, goes through every consumer that switches on the kind: a
/// kind added to the family and forgotten by one of them fails here, not silently in a recording.
/// </summary>
public class EventKindsTests
{
    private static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Kinds() => new(typeof(TimelineEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(TimelineEvent)) && !t.IsAbstract).Select(t => t.Name));

    [Fact]
    public void The_family_has_the_kinds_this_test_was_written_for() =>
        Assert.True(Kinds().Count >= 11, "reflection found the event kinds");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_reads_back_from_a_recording_as_it_was_written_except_open_brackets(string kind)
    {
        var e = Example(kind);
        var (written, text) = Write(e);
        var read = JsonLinesReader.Read(new StringReader(text));

        if (e is BracketStarted)
        {
            Assert.False(written, "an open bracket is written when it closes, as a bracket");
            return;
        }
        Assert.True(written);
        Assert.Equal(0, read.SkippedLines);
        // Read back, it writes the same line again (records holding lists compare by reference, lines by content).
        Assert.Equal(e.GetType(), Assert.Single(read.Events).GetType());
        Assert.Equal(text, Write(read.Events[0]).Text);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_known_to_the_timeline_the_exports_and_the_recording_summary(string kind)
    {
        var e = Example(kind);

        new Core.Timeline.Timeline().Apply(e);
        _ = CounterRows.From(new RecordingFile(new RecordingHeader("x", 7, Origin), [e], 0)).ToList();
        new RecordingCounts().Add(e);
    }

    [Fact]
    public void Events_of_another_process_than_the_targets_name_it_in_the_recording_and_the_targets_do_not()
    {
        var stream = new MemoryStream();
        using (var writer = new JsonLinesWriter(stream))
        {
            writer.WriteHeader(new RecordingHeader("dotnet run", 7, Origin));
            writer.Write(new Notice(1, "of the target") { Pid = 7 });
            writer.Write(new Notice(2, "of its app") { Pid = 9 });
        }
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("""{"type":"notice","t":1,"text":"of the target"}""", text);
        Assert.Contains("""{"type":"notice","t":2,"pid":9,"text":"of its app"}""", text);
        Assert.Equal([new Notice(1, "of the target"), new Notice(2, "of its app") { Pid = 9 }],
            JsonLinesReader.Read(new StringReader(text)).Events);
    }

    private static (bool Written, string Text) Write(TimelineEvent e)
    {
        var stream = new MemoryStream();
        bool written;
        using (var writer = new JsonLinesWriter(stream))
        {
            writer.WriteHeader(new RecordingHeader("x", 7, Origin));
            written = writer.Write(e);
        }
        return (written, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>An instance of a kind, every constructor parameter given a plain non-default value.</summary>
    private static TimelineEvent Example(string kind)
    {
        var type = typeof(TimelineEvent).Assembly.GetTypes().Single(t => t.Name == kind);
        return Construct(type) switch
        {
            // A process event's source is the process it is about.
            ProcessStarted p => p with { Pid = p.ProcessId },
            ProcessExited p => p with { Pid = p.ProcessId },
            var e => (TimelineEvent)e with { Pid = 9 },
        };
    }

    private static object Construct(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => Value(p.ParameterType)).ToArray());
    }

    private static object ListOf(Type item)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
        list.Add(Value(item));
        return list;
    }

    private static object Value(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(double) => 1.5,
        var t when t == typeof(int) => 3,
        var t when t == typeof(long) => 4_000_000L,
        var t when t == typeof(bool) => true,
        var t when t == typeof(string) => "System.Int64[] name",
        var t when t == typeof(DateTime) => Origin.AddSeconds(90),
        var t when t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => ListOf(t.GetGenericArguments()[0]),
        var t when t.IsClass => Construct(t),
        var t => throw new NotSupportedException($"no example value for {t}"),
    };
}
