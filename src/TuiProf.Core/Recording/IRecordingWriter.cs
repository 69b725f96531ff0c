using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

/// <summary>Where a recording goes as its events arrive: a JSON Lines file, or memory until another format is written.</summary>
public interface IRecordingWriter : IDisposable
{
    /// <summary>Events of the header's process are recorded without a <c>pid</c>; those of its descendants with theirs.</summary>
    void WriteHeader(RecordingHeader header);

    /// <summary>Records one event; returns false for events that are not part of a recording (open brackets).</summary>
    bool Write(TimelineEvent e);

    /// <summary>Hands what was recorded so far on, so a crash loses at most what came since.</summary>
    void Flush();
}
