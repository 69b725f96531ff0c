using TuiProf.Core.Recording;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>
/// Reads a recording named on the command line: an unreadable file is a usage error, not a stack trace, and torn or
/// corrupt lines are skipped and counted on stderr.
/// </summary>
public static class RecordingInput
{
    public static RecordingFile Read(FileInfo path)
    {
        try
        {
            using var reader = path.OpenText();
            var recording = JsonLinesReader.Read(reader);
            if (recording.SkippedLines > 0)
                SafeConsole.Error($"skipped {recording.SkippedLines} unreadable line(s) in {path.Name}");
            return recording;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read '{path}': {e.Message}");
        }
    }
}
