using System.CommandLine;
using TuiProf.Core.Export;
using TuiProf.Core.Recording;

namespace TuiProf.Commands;

/// <summary><c>tuiprof export FILE --format mprof|csv|json|chrome</c>: a recording in a format other tools read.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A recording written by 'tuiprof record'" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "mprof (memory_profiler's .dat, for 'mprof plot'), csv or json (as dotnet-counters collect " +
                          "writes them), chrome (Trace Event Format, for Perfetto, chrome://tracing, speedscope)",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. ExportFormats.Names]);
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write (default: stdout)" };
        var command = new Command("export", "Convert a recording for other tools") { file, format, output };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(FileInfo path, string format, FileInfo? output)
    {
        var recording = RecordingInput.Read(path);
        if (recording.Events.Count == 0)
        {
            SafeConsole.Error($"{path.Name} holds no events to export");
            return 1;
        }
        if (output is null)
        {
            // On a terminal an export is for reading: what a target named must not drive the terminal it is read on.
            using var stdout = Console.IsOutputRedirected ? null : new SpelledOutLines(StandardOutput.Writer);
            ExportFormats.Write(format, stdout ?? StandardOutput.Writer, recording);
            return 0;
        }
        using var writer = new StreamWriter(GuardedOutput.Create(output));
        ExportFormats.Write(format, writer, recording);
        return 0;
    }
}
