using TuiProf.Core.Export;
using TuiProf.Core.Recording;

namespace TuiProf.Commands;

/// <summary>The formats a recording can be written in besides TuiProf's own JSON Lines.</summary>
public static class ExportFormats
{
    private static readonly Dictionary<string, Action<TextWriter, RecordingFile>> Writers = new()
    {
        ["mprof"] = MprofFormat.Write,
        ["csv"] = CountersCsvFormat.Write,
        ["json"] = CountersJsonFormat.Write,
        ["chrome"] = ChromeTraceFormat.Write,
    };

    public static IReadOnlyCollection<string> Names => Writers.Keys;

    public static void Write(string format, TextWriter output, RecordingFile recording) => Writers[format](output, recording);
}
