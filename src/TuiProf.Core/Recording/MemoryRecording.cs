using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

/// <summary>
/// A recording kept in memory as its JSON Lines file would hold it (<see cref="RecordedForm"/>), for a format written
/// when recording ends: <see cref="Recording"/> is what reading that file back gives, without writing or parsing it.
/// </summary>
public sealed class MemoryRecording : IRecordingWriter
{
    private readonly List<TimelineEvent> _events = [];
    private RecordingHeader? _header;
    private int _unreadable;

    public RecordingFile Recording => new(_header, _events, _unreadable);

    public void WriteHeader(RecordingHeader header) => _header = RecordedForm.Of(header);

    public bool Write(TimelineEvent e)
    {
        if (RecordedForm.Of(e, _header?.Pid) is not { } recorded) return false;
        // Its file would hold the line, and a reader skip it, as it skips any time no recording holds.
        if (RecordedForm.InRange(recorded)) _events.Add(recorded);
        else _unreadable++;
        return true;
    }

    public void Flush() { }

    public void Dispose() { }
}
