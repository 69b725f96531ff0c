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
            throw Unreadable(path, e);
        }
    }

    /// <summary>Why a recording could not be read; of a directory .NET says "access denied", even to root.</summary>
    private static UsageException Unreadable(FileInfo path, Exception e) => Directory.Exists(path.FullName)
        ? new($"'{path}' is a directory: give the recording in it ('tuiprof record --out FILE' writes one)")
        : new($"cannot read '{path}': {e.Message}");

    /// <summary>The recording's path, once its first line is a recording's header: anything else is a usage error.</summary>
    public static string Check(FileInfo path)
    {
        string? first;
        try
        {
            using var reader = path.OpenText();
            first = reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
        if (first is null || JsonLinesReader.ParseLine(first) is not { Header: not null })
            throw new UsageException($"'{path}' is not a TuiProf recording (its first line is not a 'start' line)");
        return path.FullName;
    }
}
