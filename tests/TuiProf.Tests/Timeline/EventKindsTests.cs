using TuiProf.Commands;
using TuiProf.Core.Export;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

/// <summary>
/// The event family is closed and every consumer takes every kind. A kind added to the family and forgotten by a
/// consumer fails: to compile (each consumer is an <see cref="ITimelineEventVisitor{TResult}"/>, one method a kind),
/// or here, for a consumer whose method for it throws, or for the recording, whose reader must read its line back.
/// </summary>
public class EventKindsTests
{
    private static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Everything that switches on an event's kind, as each is reached from outside.</summary>
    private static readonly Dictionary<string, Action<TimelineEvent>> Consumers = new()
    {
        ["Timeline.Apply"] = e => new Core.Timeline.Timeline().Apply(e),
        ["RecordingCounts.Add"] = e => new RecordingCounts().Add(e),
        ["EventScope.IsTargetWide"] = e => EventScope.IsTargetWide(e),
        ["CounterRows (ProcessSeries, RecordingSeries)"] = e => _ = CounterRows.From(Recording(e)).ToList(),
        ["ChromeTraceFormat.Write"] = e => ChromeTraceFormat.Write(TextWriter.Null, Recording(e)),
        ["MprofFormat.Write"] = e => MprofFormat.Write(TextWriter.Null, Recording(e)),
    };

    private static readonly Type[] KindTypes = typeof(TimelineEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(TimelineEvent)) && !t.IsAbstract).ToArray();

    public static TheoryData<string> Kinds() => new(KindTypes.Select(t => t.Name));

    public static TheoryData<string, string> KindsAndConsumers()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in KindTypes)
            foreach (var consumer in Consumers.Keys) data.Add(kind.Name, consumer);
        return data;
    }

    [Fact]
    public void Every_kind_is_a_record_of_the_family_file_with_a_visit_of_its_own()
    {
        var family = File.ReadAllText(Path.Combine(LayerTests.RepositoryRoot(), "src", "TuiProf.Core", "Timeline", "TimelineEvent.cs"));
        var visited = typeof(ITimelineEventVisitor<>).GetMethods().Select(m => m.GetParameters().Single().ParameterType);

        Assert.True(KindTypes.Length >= 12, "reflection found the event kinds");
        Assert.All(KindTypes, kind => Assert.Matches($@"public sealed record {kind.Name}\(", family));
        Assert.Equal(KindTypes.Select(t => t.Name).Order(), visited.Select(t => t.Name).Order());
    }

    [Theory]
    [MemberData(nameof(KindsAndConsumers))]
    public void Every_consumer_takes_every_kind(string kind, string consumer) => Consumers[consumer](Example(kind));

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

    private static RecordingFile Recording(TimelineEvent e) => new(new RecordingHeader("x", 7, Origin), [e], 0);

    /// <summary>An instance of a kind, every constructor parameter given a plain non-default value.</summary>
    private static TimelineEvent Example(string kind)
    {
        var type = KindTypes.Single(t => t.Name == kind);
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
