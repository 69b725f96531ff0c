using System.Text.Json;
using TuiProf.Core.Export;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Export;

public class ChromeTraceTests(ManualCollectRecording manualCollect) : IClassFixture<ManualCollectRecording>
{
    [Fact]
    public void Calls_that_overlap_without_nesting_go_to_a_lane_of_their_own_and_nested_ones_stay()
    {
        var lanes = TraceLanes.Assign([(0, 10), (1, 4), (2, 3), (3.5, 12), (10, 11), (12, 13)]);

        Assert.Equal([0, 0, 0, 1, 0, 0], lanes);
    }

    [Fact]
    public void A_recording_with_overlapping_calls_and_gcs_keeps_the_formats_rules()
    {
        var recording = new RecordingFile(new RecordingHeader("app", 7, DateTime.UnixEpoch),
        [
            new MemorySample(0.1, Rss: 50_000_000),
            new MemorySample(0.2, Heap: 2_000_000),
            new Bracket(0.1, 0.5, "a", "GET /orders", 0, 7),
            new Bracket(0.2, 0.3, "b", "SELECT orders", 1, 7) { Allocated = new CallAllocation(3_500_000, 600_000) },
            new Bracket(0.4, 0.9, "c", "GET /users", 0, 7), // async: ended on thread 7 while "GET /orders" ran
            new Bracket(0.4, 0.6, "d", "GET /items", 0, 9),
            new GcEvent(0.2, 1, 2, "AllocLarge", "BackgroundGC", 30, 0, 10, 5),
            new GcEvent(0.21, 2, 0, "AllocSmall", "NonConcurrentGC", 40, 1.5, 10, 8), // outlasts the background GC
            new TargetExited(1.0, 0),
        ], 0);
        var output = new StringWriter();

        ChromeTraceFormat.Write(output, recording);

        var events = TraceEventRules.Check(output.ToString());
        var complete = events.Where(e => TraceEventRules.Is(e, "X")).ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(7, complete["SELECT orders"].GetProperty("tid").GetInt32());
        Assert.Equal(ChromeTraceFormat.FirstExtraLane, complete["GC gen0 AllocSmall"].GetProperty("tid").GetInt32());
        Assert.Equal(ChromeTraceFormat.FirstExtraLane + 1, complete["GET /users"].GetProperty("tid").GetInt32());
        Assert.Equal(9, complete["GET /items"].GetProperty("tid").GetInt32());
        Assert.Equal(100_000, complete["SELECT orders"].GetProperty("dur").GetDouble(), 1e-6);
        Assert.Equal(3_500_000, complete["SELECT orders"].GetProperty("args").GetProperty("allocated").GetInt64());
        Assert.Equal("3.5 MB +/-0.6", complete["SELECT orders"].GetProperty("args").GetProperty("allocatedText").GetString());
        Assert.False(complete["GET /users"].GetProperty("args").TryGetProperty("allocated", out _));
        Assert.Equal(1.5, complete["GC gen0 AllocSmall"].GetProperty("args").GetProperty("pauseMs").GetDouble());
        var names = events.Where(e => e.GetProperty("name").GetString() == "thread_name")
            .ToDictionary(TraceEventRules.Track, e => e.GetProperty("args").GetProperty("name").GetString());
        Assert.Equal("main thread 7", names[(7, 7)]);
        Assert.Equal("main thread 7, overlapping 1", names[(7, ChromeTraceFormat.FirstExtraLane + 1)]);
        Assert.Equal("GC", names[(7, ChromeTraceFormat.GcTrack)]);
    }

    [Fact]
    public void Each_process_of_a_launched_tree_is_a_process_of_the_trace_under_its_own_pid()
    {
        var recording = new RecordingFile(new RecordingHeader("dotnet run", 42, DateTime.UnixEpoch),
        [
            new MemorySample(0.1, Rss: 50_000_000),
            new Bracket(0.1, 0.2, "a", "Build", 0, 42),
            new ProcessStarted(0.3, 43, 42, "app", "dotnet app.dll", Followed: true) { Pid = 43 },
            new MemorySample(0.4, Rss: 20_000_000) { Pid = 43 },
            new Bracket(0.4, 0.5, "b", "Work", 0, 44) { Pid = 43 },
            new GcEvent(0.45, 1, 0, "AllocSmall", "NonConcurrentGC", 1, 1, 10, 5) { Pid = 43 },
            new ProcessExited(0.6, 43) { Pid = 43 },
            new TargetExited(0.7, 0),
        ], 0);
        var output = new StringWriter();

        ChromeTraceFormat.Write(output, recording);

        var events = TraceEventRules.Check(output.ToString());
        var processes = events.Where(e => e.GetProperty("name").GetString() == "process_name")
            .ToDictionary(e => e.GetProperty("pid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString());
        Assert.Equal(new Dictionary<int, string?> { [42] = "dotnet run", [43] = "app" }, processes);
        Assert.Equal(43, Assert.Single(events, e => e.GetProperty("name").GetString() == "Work").GetProperty("pid").GetInt32());
        Assert.Equal(43, Assert.Single(events, e => e.GetProperty("name").GetString() == "GC gen0 AllocSmall").GetProperty("pid").GetInt32());
        Assert.Equal([(42, "exit 0"), (43, "exit")], events.Where(e => TraceEventRules.Is(e, "i"))
            .Select(e => (e.GetProperty("pid").GetInt32(), e.GetProperty("name").GetString())).Order());
        Assert.Equal([(42, 50.0), (43, 20.0)], events.Where(e => TraceEventRules.Is(e, "C"))
            .Select(e => (e.GetProperty("pid").GetInt32(), e.GetProperty("args").GetProperty("MB").GetDouble())).Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_recorded_scenario_is_a_trace_of_its_calls_gcs_rss_and_heap_in_microseconds()
    {
        var target = manualCollect.Target;
        var trace = await manualCollect.ExportAsync("chrome", ".trace.json");

        var events = TraceEventRules.Check(await File.ReadAllTextAsync(trace));

        var process = events.Single(e => e.GetProperty("name").GetString() == "process_name");
        Assert.Equal(("manual-collect", target.Pid), (process.GetProperty("args").GetProperty("name").GetString(), process.GetProperty("pid").GetInt32()));
        Assert.All(events, e => Assert.Equal(target.Pid, e.GetProperty("pid").GetInt32()));
        var calls = Complete(events, "activity");
        Assert.Equal(target.Brackets.Select(b => b.T * 1e6), calls.Select(c => c.GetProperty("ts").GetDouble()), new Within(1));
        Assert.Equal(target.Brackets.Select(b => b.Duration * 1e6), calls.Select(c => c.GetProperty("dur").GetDouble()), new Within(1));
        Assert.All(calls, c => Assert.Equal(target.Brackets[0].Thread, c.GetProperty("tid").GetInt32()));
        var gcs = Complete(events, "gc");
        Assert.Equal(target.Gcs.Count, gcs.Count);
        var induced = Assert.Single(gcs, g => g.GetProperty("args").GetProperty("reason").GetString() == "Induced");
        Assert.Equal(2, induced.GetProperty("args").GetProperty("generation").GetInt32());
        Assert.True(induced.GetProperty("args").GetProperty("pauseMs").GetDouble() > 0);
        var (secondEnd, thirdStart) = (End(calls[1]), calls[2].GetProperty("ts").GetDouble());
        Assert.InRange(induced.GetProperty("ts").GetDouble(), secondEnd - 5_000, thirdStart + 5_000); // two clocks, ~1 ms apart
        var rss = Counters(events, "RSS");
        Assert.Equal(target.Rss.Count, rss.Count);
        Assert.All(rss, mb => Assert.True(mb > 0, "an RSS of 0 is a process that is gone"));
        Assert.Equal(target.Heap.Count, Counters(events, "GC heap").Count);
        var exit = Assert.Single(events, e => TraceEventRules.Is(e, "i"));
        Assert.Equal(target.Exit!.Value * 1e6, exit.GetProperty("ts").GetDouble(), 1);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_nested_call_of_a_real_app_lies_inside_its_parent_on_its_threads_track()
    {
        var file = await SelfRecording.FileAsync();
        var trace = Path.ChangeExtension(file, ".trace.json");
        Assert.Equal(0, (await TuiProfCli.RunAsync("export", file, "--format", "chrome", "--out", trace)).ExitCode);

        var events = TraceEventRules.Check(await File.ReadAllTextAsync(trace));

        var outer = Assert.Single(events, e => e.GetProperty("name").GetString() == SelfRecording.Outer);
        var inner = Assert.Single(events, e => e.GetProperty("name").GetString() == SelfRecording.Inner);
        Assert.Equal(TraceEventRules.Track(outer), TraceEventRules.Track(inner));
        Assert.Equal(1, inner.GetProperty("args").GetProperty("depth").GetInt32());
        Assert.InRange(inner.GetProperty("ts").GetDouble(), outer.GetProperty("ts").GetDouble(), End(outer));
        Assert.InRange(End(inner), outer.GetProperty("ts").GetDouble(), End(outer));
    }

    private static List<JsonElement> Complete(IEnumerable<JsonElement> events, string category) =>
        events.Where(e => TraceEventRules.Is(e, "X") && e.GetProperty("cat").GetString() == category)
            .OrderBy(e => e.GetProperty("ts").GetDouble()).ToList();

    private static List<double> Counters(IEnumerable<JsonElement> events, string name) =>
        events.Where(e => TraceEventRules.Is(e, "C") && e.GetProperty("name").GetString() == name)
            .Select(e => e.GetProperty("args").GetProperty("MB").GetDouble()).ToList();

    private static double End(JsonElement e) => e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble();
}
