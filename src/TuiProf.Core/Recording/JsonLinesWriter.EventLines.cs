using System.Text.Json;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

public sealed partial class JsonLinesWriter
{
    /// <summary>Each kind of event as its line; the answer is whether it has one (an open bracket has none).</summary>
    private sealed class EventLines(JsonLinesWriter writer) : ITimelineEventVisitor<bool>
    {
        public bool Visit(MemorySample s) => Written("sample", s.T, j =>
        {
            if (s.Rss is { } rss) j.WriteNumber("rss", rss);
            if (s.Heap is { } heap) j.WriteNumber("heap", heap);
            if (s.Generations is { } g)
            {
                j.WriteNumber("gen0", g.Gen0);
                j.WriteNumber("gen1", g.Gen1);
                j.WriteNumber("gen2", g.Gen2);
                j.WriteNumber("loh", g.Loh);
                j.WriteNumber("poh", g.Poh);
            }
        });

        public bool Visit(GcEvent gc) => Written("gc", gc.T, j =>
        {
            j.WriteNumber("n", gc.Number);
            j.WriteNumber("gen", gc.Generation);
            j.WriteString("reason", gc.Reason);
            j.WriteString("kind", gc.Type);
            j.WriteNumber("durationMs", gc.DurationMs);
            j.WriteNumber("pauseMs", gc.PauseMs);
            if (gc.HeapBefore is { } before) j.WriteNumber("heapBefore", before);
            if (gc.HeapAfter is { } after) j.WriteNumber("heapAfter", after);
        });

        // Written when it closes, as a bracket.
        public bool Visit(BracketStarted started) => false;

        public bool Visit(Bracket b) => Written("bracket", null, j =>
        {
            j.WriteString("name", b.Name);
            j.WriteNumber("start", b.T);
            j.WriteNumber("end", b.End);
            j.WriteNumber("depth", b.Depth);
            j.WriteNumber("thread", b.Thread);
            j.WriteString("id", b.Id);
            if (b.Unfinished) j.WriteBoolean("unfinished", true);
            if (b.Allocated is not { } allocated) return;
            j.WriteNumber("allocated", allocated.Bytes);
            if (allocated.Error is { } error) j.WriteNumber("allocatedError", error);
            else j.WriteNull("allocatedError"); // ticks: biased, no bound
        });

        public bool Visit(OutputLine o) => Written("output", o.T, j =>
        {
            j.WriteString("stream", o.IsError ? "stderr" : "stdout");
            j.WriteString("text", o.Text);
        });

        public bool Visit(TargetExited x) => Written("exit", x.T, j =>
        {
            if (x.ExitCode is { } code) j.WriteNumber("code", code);
            else j.WriteNull("code");
        });

        public bool Visit(Notice n) => Written("notice", n.T, j => j.WriteString("text", n.Text));

        public bool Visit(AllocationSample a) => Written("alloc", a.T, j =>
        {
            j.WriteString("typeName", a.TypeName);
            j.WriteNumber("bytes", a.Bytes);
        });

        public bool Visit(AllocationSite a) => Written("allocsite", a.T, j =>
        {
            j.WriteString("typeName", a.TypeName);
            j.WriteNumber("bytes", a.Bytes);
            j.WriteStartArray("frames");
            foreach (var frame in a.Frames) j.WriteStringValue(frame);
            j.WriteEndArray();
        });

        public bool Visit(CounterReading c) => Written("counter", c.T, j =>
        {
            j.WriteString("provider", c.Counter.Provider);
            j.WriteString("name", c.Counter.Name);
            if (c.Counter.DisplayName.Length > 0) j.WriteString("displayName", c.Counter.DisplayName);
            if (c.Counter.Unit.Length > 0) j.WriteString("unit", c.Counter.Unit);
            if (c.Counter.IsRate) j.WriteBoolean("rate", true);
            j.WriteNumber("value", c.Value);
        });

        // A process's line names it, the target's own too (RecordedForm gives it its pid).
        public bool Visit(ProcessStarted p) => Written("process", p.T, j =>
        {
            if (p.ParentId is { } parent) j.WriteNumber("parent", parent);
            j.WriteString("name", p.Name);
            j.WriteString("cmdline", p.CommandLine);
            j.WriteBoolean("followed", p.Followed);
        });

        public bool Visit(ProcessExited p) => Written("processExit", p.T, _ => { });

        private bool Written(string type, double? t, Action<Utf8JsonWriter> body)
        {
            writer.Line(type, t, body);
            return true;
        }
    }
}
