using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// The Trace Event Format (JSON object form) that Perfetto's UI, chrome://tracing and speedscope open: each call a
/// complete event ("X") on its thread's track, nested by time; each GC a complete event on a "GC" track with its
/// generation, reason, type and pause; RSS and GC heap as counters ("C", in MB); the exit as an instant event;
/// process and track names as metadata ("M"). Each process of a launched tree has its own, under its pid. Times are
/// microseconds since the recording's t = 0, and every event carries its pid and tid.
/// </summary>
public static class ChromeTraceFormat
{
    /// <summary>The GC track, which also holds the process's counters and instants (no real thread has tid 0).</summary>
    public const int GcTrack = 0;

    /// <summary>Extra lanes of a track (spans that overlap without nesting) are numbered from here: above any Linux tid.</summary>
    public const int FirstExtraLane = 1 << 30;

    public static void Write(TextWriter output, RecordingFile recording)
    {
        var series = RecordingSeries.From(recording);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("traceEvents");
            var lanes = new ExtraLanes();
            foreach (var process in series.Processes)
                Process(json, process, lanes);
            json.WriteEndArray();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteStartObject("otherData");
            json.WriteString("target", series.Target);
            json.WriteString("origin", series.OriginUtc.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("generator", "tuiprof");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    /// <summary>A process: its name, its GC track on top, a track per thread that made calls, its counters, its exit.</summary>
    private static void Process(Utf8JsonWriter json, ProcessSeries process, ExtraLanes lanes)
    {
        var pid = process.Pid;
        Metadata(json, "process_name", pid, GcTrack, args => args.WriteString("name", process.Name));
        Metadata(json, "thread_sort_index", pid, GcTrack, args => args.WriteNumber("sort_index", -1));
        Track(json, pid, GcTrack, "GC", process.Gcs, gc => (gc.T, gc.T + gc.DurationMs / 1000), Gc, lanes);
        foreach (var thread in process.Brackets.GroupBy(b => b.Thread).OrderBy(g => g.Key))
            Track(json, pid, thread.Key, thread.Key == pid ? $"main thread {pid}" : $"thread {thread.Key}", thread.ToList(),
                call => (call.T, call.End), Call, lanes);
        foreach (var sample in process.Rss) Counter(json, pid, "RSS", sample.T, sample.Rss!.Value);
        foreach (var sample in process.Heap) Counter(json, pid, "GC heap", sample.T, sample.Heap!.Value);
        if (process.Exit is { } exit) Exit(json, pid, exit, process.ExitCode);
    }

    /// <summary>The tids handed to extra lanes, in order, so that no two tracks share one.</summary>
    private sealed class ExtraLanes
    {
        private int _next = FirstExtraLane;

        public int Next() => _next++;
    }

    /// <summary>A named track of complete events; spans that would not nest go to extra lanes named after it.</summary>
    private static void Track<T>(Utf8JsonWriter json, int pid, int tid, string name, IReadOnlyList<T> items,
        Func<T, (double Start, double End)> span, Action<Utf8JsonWriter, T> args, ExtraLanes extra)
    {
        var lanes = TraceLanes.Assign(items.Select(span).ToList());
        var tids = new List<int> { tid };
        while (tids.Count <= lanes.DefaultIfEmpty(0).Max()) tids.Add(extra.Next());
        for (var lane = 0; lane < tids.Count; lane++)
        {
            var laneName = lane == 0 ? name : $"{name}, overlapping {lane}";
            Metadata(json, "thread_name", pid, tids[lane], a => a.WriteString("name", laneName));
        }
        for (var i = 0; i < items.Count; i++)
        {
            var (start, end) = span(items[i]);
            json.WriteStartObject();
            json.WriteString("ph", "X");
            json.WriteNumber("ts", Microseconds(start));
            json.WriteNumber("dur", Math.Max(0, Microseconds(end) - Microseconds(start)));
            json.WriteNumber("pid", pid);
            json.WriteNumber("tid", tids[lanes[i]]);
            args(json, items[i]);
            json.WriteEndObject();
        }
    }

    private static void Call(Utf8JsonWriter json, Bracket call)
    {
        json.WriteString("name", call.Name);
        json.WriteString("cat", "activity");
        json.WriteStartObject("args");
        json.WriteString("id", call.Id);
        json.WriteNumber("depth", call.Depth);
        if (call.Allocated is { } allocated)
        {
            // Perfetto shows args as they are: the figure as text too, with its bound.
            json.WriteNumber("allocated", allocated.Bytes);
            if (allocated.Error is { } error) json.WriteNumber("allocatedError", error);
            json.WriteString("allocatedText", allocated.Text);
        }
        json.WriteEndObject();
    }

    private static void Gc(Utf8JsonWriter json, GcEvent gc)
    {
        json.WriteString("name", $"GC gen{gc.Generation} {gc.Reason}");
        json.WriteString("cat", "gc");
        json.WriteStartObject("args");
        json.WriteNumber("number", gc.Number);
        json.WriteNumber("generation", gc.Generation);
        json.WriteString("reason", gc.Reason);
        json.WriteString("type", gc.Type);
        json.WriteNumber("pauseMs", gc.PauseMs);
        if (gc.HeapBefore is { } before) json.WriteNumber("heapBeforeMB", before / 1e6);
        if (gc.HeapAfter is { } after) json.WriteNumber("heapAfterMB", after / 1e6);
        json.WriteEndObject();
    }

    private static void Counter(Utf8JsonWriter json, int pid, string name, double t, long bytes)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "C");
        json.WriteNumber("ts", Microseconds(t));
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", GcTrack);
        json.WriteStartObject("args");
        json.WriteNumber("MB", Math.Round(bytes / 1e6, 6));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Exit(Utf8JsonWriter json, int pid, double t, int? code)
    {
        json.WriteStartObject();
        json.WriteString("name", code is { } exitCode ? $"exit {exitCode}" : "exit");
        json.WriteString("ph", "i");
        json.WriteString("s", "p"); // process-wide: a line across all its tracks
        json.WriteNumber("ts", Microseconds(t));
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", GcTrack);
        json.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter json, string name, int pid, int tid, Action<Utf8JsonWriter> args)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        args(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Microseconds to a thousandth: the recording's times have 0.1 ms precision, GC durations more.</summary>
    private static double Microseconds(double seconds) => Math.Round(seconds * 1e6, 3);
}
