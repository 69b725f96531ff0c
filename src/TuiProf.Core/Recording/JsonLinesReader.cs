using System.Text.Json;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

/// <summary>A recording read back: the valid events, and how many lines could not be read (a torn last line, say).</summary>
public sealed record RecordingFile(RecordingHeader? Header, IReadOnlyList<TimelineEvent> Events, int SkippedLines);

/// <summary>One readable line of a recording: the header, or an event.</summary>
public sealed record RecordedLine(RecordingHeader? Header, TimelineEvent? Event);

/// <summary>Reads JSON Lines recordings, keeping every valid line and counting the rest.</summary>
public static class JsonLinesReader
{
    public static RecordingFile Read(TextReader reader)
    {
        RecordingHeader? header = null;
        var events = new List<TimelineEvent>();
        var skipped = 0;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            switch (ParseLine(line))
            {
                case { Header: { } start }: header = start; break;
                case { Event: { } e }: events.Add(e); break;
                default: skipped++; break;
            }
        }
        return new RecordingFile(header, events, skipped);
    }

    /// <summary>One line of a recording: its header or its event; null when it cannot be read (torn, corrupt, unknown).</summary>
    public static RecordedLine? ParseLine(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            TimelineEvent e;
            switch (o.GetProperty("type").GetString())
            {
                case "start":
                    return new RecordedLine(new RecordingHeader(o.GetProperty("target").GetString() ?? "", o.GetProperty("pid").GetInt32(),
                        DateTime.Parse(o.GetProperty("origin").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind)), null);
                case "sample":
                    e = new MemorySample(T(o), Long(o, "rss"), Long(o, "heap"),
                        Long(o, "gen0") is { } g0
                            ? new GenerationSizes(g0, Long(o, "gen1") ?? 0, Long(o, "gen2") ?? 0, Long(o, "loh") ?? 0, Long(o, "poh") ?? 0)
                            : null);
                    break;
                case "gc":
                    e = new GcEvent(T(o), o.GetProperty("n").GetInt32(), o.GetProperty("gen").GetInt32(),
                        o.GetProperty("reason").GetString() ?? "", o.GetProperty("kind").GetString() ?? "",
                        Seconds(o, "durationMs"), Seconds(o, "pauseMs"),
                        Long(o, "heapBefore"), Long(o, "heapAfter"));
                    break;
                case "bracket":
                    // A call that ends before it starts, or sits above the top level, is no call: no export draws it.
                    var (start, end, depth) = (Seconds(o, "start"), Seconds(o, "end"), o.GetProperty("depth").GetInt32());
                    if (end < start || depth < 0) throw new FormatException($"a call from {start} to {end} at depth {depth}");
                    e = new Bracket(start, end,
                        o.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "", o.GetProperty("name").GetString() ?? "",
                        depth, o.TryGetProperty("thread", out var th) ? th.GetInt32() : 0)
                    {
                        Unfinished = o.TryGetProperty("unfinished", out var unfinished) && unfinished.ValueKind == JsonValueKind.True,
                        Allocated = o.TryGetProperty("allocated", out var allocated)
                            ? new CallAllocation(allocated.GetInt64(), o.TryGetProperty("allocatedError", out var error) && error.ValueKind == JsonValueKind.Number ? error.GetInt64() : null)
                            : null,
                    };
                    break;
                case "output":
                    e = new OutputLine(T(o), o.GetProperty("text").GetString() ?? "",
                        o.TryGetProperty("stream", out var s) && s.GetString() == "stderr");
                    break;
                case "counter":
                    e = new CounterReading(T(o), Counter(o), o.GetProperty("value").GetDouble());
                    break;
                case "alloc":
                    e = new AllocationSample(T(o), o.GetProperty("typeName").GetString() ?? "", o.GetProperty("bytes").GetInt64());
                    break;
                case "allocsite":
                    e = new AllocationSite(T(o), o.GetProperty("typeName").GetString() ?? "", o.GetProperty("bytes").GetInt64(),
                        o.GetProperty("frames").EnumerateArray().Select(f => f.GetString() ?? "").ToList());
                    break;
                case "notice":
                    e = new Notice(T(o), o.GetProperty("text").GetString() ?? "");
                    break;
                case "exit":
                    var code = o.GetProperty("code");
                    e = new TargetExited(T(o), code.ValueKind == JsonValueKind.Number ? code.GetInt32() : null);
                    break;
                case "process":
                    e = new ProcessStarted(T(o), o.GetProperty("pid").GetInt32(), (int?)Long(o, "parent"),
                        Text(o, "name"), Text(o, "cmdline"), o.GetProperty("followed").GetBoolean());
                    break;
                case "processExit":
                    e = new ProcessExited(T(o), o.GetProperty("pid").GetInt32());
                    break;
                default:
                    return null;
            }
            return new RecordedLine(null, o.TryGetProperty("pid", out var pid) ? e with { Pid = pid.GetInt32() } : e);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static double T(JsonElement o) => Seconds(o, "t");

    /// <summary>
    /// A time or a duration, as a recording can hold one: a line with another (1e308, a time before 1 AD for the
    /// exports' clock) is unreadable, counted and skipped, not a crash or a billion rows in an export.
    /// </summary>
    private static double Seconds(JsonElement o, string name) =>
        o.GetProperty(name).GetDouble() is var value && RecordedForm.InRange(value)
            ? value
            : throw new FormatException($"{name} {value} is out of range");

    private static string Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    /// <summary>A counter's identity; recordings before the "provider" field wrote other providers' as "Provider/name".</summary>
    private static CounterId Counter(JsonElement o)
    {
        var name = o.GetProperty("name").GetString() ?? "";
        var provider = Text(o, "provider");
        if (provider.Length == 0)
            (provider, name) = name.Split('/', 2) is [var p, var n] ? (p, n) : (CounterId.RuntimeProvider, name);
        return new CounterId(provider, name, Text(o, "displayName"), Text(o, "unit"),
            o.TryGetProperty("rate", out var rate) && rate.ValueKind == JsonValueKind.True);
    }

    private static long? Long(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
}
