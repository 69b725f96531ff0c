using System.Buffers;
using System.Text.Json;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

/// <summary>
/// Writes a recording as JSON Lines, one event an object with a <c>type</c> field. Lines are kept until
/// <see cref="Flush"/>, which hands them to the stream in one write of whole lines: a crash loses at most what was not
/// flushed, and a write that fails (a full disk) fails on a line's boundary, not within a line left half-written.
/// </summary>
public sealed partial class JsonLinesWriter : IRecordingWriter
{
    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _lines = new();
    private readonly Utf8JsonWriter _json;
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private int? _targetPid;
    private readonly EventLines _events;

    public JsonLinesWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(_lines, new JsonWriterOptions { SkipValidation = false });
        _events = new EventLines(this);
    }

    /// <summary>Events of the header's process carry no <c>pid</c>; those of its descendants name theirs.</summary>
    public void WriteHeader(RecordingHeader header) => Line("start", 0, j =>
    {
        _targetPid = header.Pid;
        j.WriteString("target", header.Target);
        j.WriteNumber("pid", header.Pid);
        j.WriteString("origin", header.OriginUtc.ToString("O"));
    });

    /// <summary>Writes one event, at the precision of <see cref="RecordedForm"/>; returns false for an open bracket (it has no line).</summary>
    public bool Write(TimelineEvent e)
    {
        if (RecordedForm.Of(e, _targetPid) is not { } recorded) return false;
        _pid = recorded.Pid;
        return recorded.Accept(_events);
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
        if (t is { } time) _json.WriteNumber("t", time);
        if (_pid is { } pid && type != "start") _json.WriteNumber("pid", pid);
        body(_json);
        _json.WriteEndObject();
        _json.Flush();
        _lines.Write(NewLine);
    }
}
