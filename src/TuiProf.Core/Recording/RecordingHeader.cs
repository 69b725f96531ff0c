namespace TuiProf.Core.Recording;

/// <summary>The first line of a recording: what was profiled, and the wall-clock time of t = 0.</summary>
public sealed record RecordingHeader(string Target, int Pid, DateTime OriginUtc);
