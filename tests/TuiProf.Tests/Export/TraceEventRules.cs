using System.Text.Json;

namespace TuiProf.Tests.Export;

/// <summary>
/// The rules of the Trace Event Format (JSON object form) that the viewers rely on, checked on a whole trace:
/// phases used are known, every event has a name, an integer pid and tid, and (but metadata) a timestamp in
/// microseconds; complete events have a duration and nest on each track; counters carry numbers; every track and
/// process is named.
/// </summary>
public static class TraceEventRules
{
    private static readonly string[] MetadataNames = ["process_name", "thread_name", "process_sort_index", "thread_sort_index"];

    public static IReadOnlyList<JsonElement> Check(string trace)
    {
        var root = JsonDocument.Parse(trace).RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var events = root.GetProperty("traceEvents").EnumerateArray().ToList();
        foreach (var e in events)
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("name").GetString()), $"an event without a name: {e}");
            e.GetProperty("pid").GetInt32();
            e.GetProperty("tid").GetInt32();
            var phase = e.GetProperty("ph").GetString();
            Assert.Contains(phase, new[] { "X", "C", "M", "i" });
            if (phase != "M") Assert.True(e.GetProperty("ts").GetDouble() >= 0, $"a negative timestamp: {e}");
            switch (phase)
            {
                case "X":
                    Assert.True(e.GetProperty("dur").GetDouble() >= 0, $"a negative duration: {e}");
                    break;
                case "C":
                    Assert.All(e.GetProperty("args").EnumerateObject(), a => Assert.Equal(JsonValueKind.Number, a.Value.ValueKind));
                    break;
                case "i":
                    Assert.Contains(e.GetProperty("s").GetString(), new[] { "g", "p", "t" });
                    break;
                case "M":
                    Assert.Contains(e.GetProperty("name").GetString(), MetadataNames);
                    Assert.Equal(JsonValueKind.Object, e.GetProperty("args").ValueKind);
                    break;
            }
        }
        var named = events.Where(e => Is(e, "M") && e.GetProperty("name").GetString() == "thread_name").Select(Track).ToHashSet();
        var processes = events.Where(e => Is(e, "M") && e.GetProperty("name").GetString() == "process_name")
            .Select(e => e.GetProperty("pid").GetInt32()).ToHashSet();
        foreach (var track in events.Where(e => Is(e, "X")).GroupBy(Track))
        {
            Assert.Contains(track.Key, named);
            Assert.Contains(track.Key.Pid, processes);
            AssertNested(track.ToList());
        }
        return events;
    }

    public static bool Is(JsonElement e, string phase) => e.GetProperty("ph").GetString() == phase;

    public static (int Pid, int Tid) Track(JsonElement e) => (e.GetProperty("pid").GetInt32(), e.GetProperty("tid").GetInt32());

    /// <summary>Complete events of one track must form a stack: each inside the one still open, or after it.</summary>
    private static void AssertNested(List<JsonElement> track)
    {
        const double slack = 1e-6; // microseconds; ts and dur are each rounded
        var open = new Stack<(double End, string Name)>();
        foreach (var e in track.OrderBy(e => e.GetProperty("ts").GetDouble()).ThenByDescending(e => e.GetProperty("dur").GetDouble()))
        {
            var start = e.GetProperty("ts").GetDouble();
            var end = start + e.GetProperty("dur").GetDouble();
            while (open.Count > 0 && open.Peek().End <= start + slack) open.Pop();
            if (open.TryPeek(out var parent) && end > parent.End + slack)
                Assert.Fail($"{e.GetProperty("name")} [{start}, {end}] overlaps {parent.Name} (ends {parent.End}) without nesting");
            open.Push((end, e.GetProperty("name").GetString()!));
        }
    }
}
