using System.Text.Json;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

public sealed partial class JsonLinesWriter
{
    /// <summary>Each kind of event as its line; the answer is whether it has one (an open bracket has none).</summary>
    private sealed class EventLines(JsonLinesWriter writer) : ITimelineEventVisitor<bool>
    {
        public bool Visit(MemorySample s)
        {
            writer.Line("sample", s.T, j =>
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
            return true;
        }

        public bool Visit(GcEvent gc)
        {
            writer.Line("gc", gc.T, j =>
            {
                j.WriteNumber("n", gc.Number);
                j.WriteNumber("gen", gc.Generation);
                j.WriteString("reason", gc.Reason);
                j.WriteString("kind", gc.Type);
                j.WriteNumber("durationMs", Math.Round(gc.DurationMs, 3));
                j.WriteNumber("pauseMs", Math.Round(gc.PauseMs, 3));
                if (gc.HeapBefore is { } before) j.WriteNumber("heapBefore", before);
                if (gc.HeapAfter is { } after) j.WriteNumber("heapAfter", after);
            });
            return true;
        }

        // Written when it closes, as a bracket.
        public bool Visit(BracketStarted started) => false;

        public bool Visit(Bracket b)
        {
            writer.Line("bracket", null, j =>
            {
                j.WriteString("name", b.Name);
                j.WriteNumber("start", Math.Round(b.T, 4));
                j.WriteNumber("end", Math.Round(b.End, 4));
                j.WriteNumber("depth", b.Depth);
                j.WriteNumber("thread", b.Thread);
                j.WriteString("id", b.Id);
            });
            return true;
        }

        public bool Visit(OutputLine o)
        {
            writer.Line("output", o.T, j =>
            {
                j.WriteString("stream", o.IsError ? "stderr" : "stdout");
                j.WriteString("text", o.Text);
            });
            return true;
        }

        public bool Visit(TargetExited x)
        {
            writer.Line("exit", x.T, j =>
            {
                if (x.ExitCode is { } code) j.WriteNumber("code", code);
                else j.WriteNull("code");
            });
            return true;
        }

        public bool Visit(Notice n)
        {
            writer.Line("notice", n.T, j => j.WriteString("text", n.Text));
            return true;
        }

        public bool Visit(AllocationSample a)
        {
            writer.Line("alloc", a.T, j =>
            {
                j.WriteString("typeName", a.TypeName);
                j.WriteNumber("bytes", a.Bytes);
            });
            return true;
        }

        public bool Visit(AllocationSite a)
        {
            writer.Line("allocsite", a.T, j =>
            {
                j.WriteString("typeName", a.TypeName);
                j.WriteNumber("bytes", a.Bytes);
                j.WriteStartArray("frames");
                foreach (var frame in a.Frames) j.WriteStringValue(frame);
                j.WriteEndArray();
            });
            return true;
        }

        public bool Visit(CounterReading c)
        {
            writer.Line("counter", c.T, j =>
            {
                j.WriteString("provider", c.Counter.Provider);
                j.WriteString("name", c.Counter.Name);
                if (c.Counter.DisplayName.Length > 0) j.WriteString("displayName", c.Counter.DisplayName);
                if (c.Counter.Unit.Length > 0) j.WriteString("unit", c.Counter.Unit);
                if (c.Counter.IsRate) j.WriteBoolean("rate", true);
                j.WriteNumber("value", c.Value);
            });
            return true;
        }

        // A process's line names it, the target's own too.
        public bool Visit(ProcessStarted p)
        {
            writer._pid = p.ProcessId;
            writer.Line("process", p.T, j =>
            {
                if (p.ParentId is { } parent) j.WriteNumber("parent", parent);
                j.WriteString("name", p.Name);
                j.WriteString("cmdline", p.CommandLine);
                j.WriteBoolean("followed", p.Followed);
            });
            return true;
        }

        public bool Visit(ProcessExited p)
        {
            writer._pid = p.ProcessId;
            writer.Line("processExit", p.T, _ => { });
            return true;
        }
    }
}
