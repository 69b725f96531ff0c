using System.Buffers;
using System.Text.Json;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

/// <summary>
/// Writes a recording as JSON Lines, one event an object with a <c>type</c> field. Lines are kept until
/// <see cref="Flush"/>, which hands them to the stream in one write of whole lines: a crash loses at most what was not
/// flushed, and a write that fails (a full disk) fails on a line's boundary, not within a line left half-written.
/// </summary>
public sealed class JsonLinesWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _lines = new();
    private readonly Utf8JsonWriter _json;
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private int? _targetPid;

    public JsonLinesWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(_lines, new JsonWriterOptions { SkipValidation = false });
    }

    /// <summary>Events of the header's process carry no <c>pid</c>; those of its descendants name theirs.</summary>
    public void WriteHeader(RecordingHeader header) => Line("start", 0, j =>
    {
        _targetPid = header.Pid;
        j.WriteString("target", header.Target);
        j.WriteNumber("pid", header.Pid);
        j.WriteString("origin", header.OriginUtc.ToString("O"));
    });

    /// <summary>Writes one event; returns false for events that are not part of the file format (open brackets).</summary>
    public bool Write(TimelineEvent e)
    {
        _pid = e.Pid != _targetPid ? e.Pid : null;
        switch (e)
        {
            case MemorySample s:
                Line("sample", s.T, j =>
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
            case GcEvent gc:
                Line("gc", gc.T, j =>
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
            case Bracket b:
                Line("bracket", null, j =>
                {
                    j.WriteString("name", b.Name);
                    j.WriteNumber("start", Math.Round(b.T, 4));
                    j.WriteNumber("end", Math.Round(b.End, 4));
                    j.WriteNumber("depth", b.Depth);
                    j.WriteNumber("thread", b.Thread);
                    j.WriteString("id", b.Id);
                });
                return true;
            case OutputLine o:
                Line("output", o.T, j =>
                {
                    j.WriteString("stream", o.IsError ? "stderr" : "stdout");
                    j.WriteString("text", o.Text);
                });
                return true;
            case CounterReading c:
                Line("counter", c.T, j =>
                {
                    j.WriteString("provider", c.Counter.Provider);
                    j.WriteString("name", c.Counter.Name);
                    if (c.Counter.DisplayName.Length > 0) j.WriteString("displayName", c.Counter.DisplayName);
                    if (c.Counter.Unit.Length > 0) j.WriteString("unit", c.Counter.Unit);
                    if (c.Counter.IsRate) j.WriteBoolean("rate", true);
                    j.WriteNumber("value", c.Value);
                });
                return true;
            case AllocationSample a:
                Line("alloc", a.T, j =>
                {
                    j.WriteString("typeName", a.TypeName);
                    j.WriteNumber("bytes", a.Bytes);
                });
                return true;
            case AllocationSite a:
                Line("allocsite", a.T, j =>
                {
                    j.WriteString("typeName", a.TypeName);
                    j.WriteNumber("bytes", a.Bytes);
                    j.WriteStartArray("frames");
                    foreach (var frame in a.Frames) j.WriteStringValue(frame);
                    j.WriteEndArray();
                });
                return true;
            case Notice n:
                Line("notice", n.T, j => j.WriteString("text", n.Text));
                return true;
            case ProcessStarted p:
                _pid = p.ProcessId;
                Line("process", p.T, j =>
                {
                    if (p.ParentId is { } parent) j.WriteNumber("parent", parent);
                    j.WriteString("name", p.Name);
                    j.WriteString("cmdline", p.CommandLine);
                    j.WriteBoolean("followed", p.Followed);
                });
                return true;
            case ProcessExited p:
                _pid = p.ProcessId;
                Line("processExit", p.T, _ => { });
                return true;
            case BracketStarted:
                return false;
            case TargetExited x:
                Line("exit", x.T, j =>
                {
                    if (x.ExitCode is { } code) j.WriteNumber("code", code);
                    else j.WriteNull("code");
                });
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "an event kind the recording format does not know");
        }
    }

    public void Flush()
    {
        try
        {
            if (_lines.WrittenCount > 0) _stream.Write(_lines.WrittenSpan);
            _stream.Flush();
        }
        finally
        {
            _lines.ResetWrittenCount(); // written, or failed and reported: never offered twice
        }
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
    }

    private int? _pid;

    private void Line(string type, double? t, Action<Utf8JsonWriter> body)
    {
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString("type", type);
        if (t is { } time) _json.WriteNumber("t", Math.Round(time, 4));
        if (_pid is { } pid && type != "start") _json.WriteNumber("pid", pid);
        body(_json);
        _json.WriteEndObject();
        _json.Flush();
        _lines.Write(NewLine);
    }
}
