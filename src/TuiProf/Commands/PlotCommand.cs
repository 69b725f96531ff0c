using System.CommandLine;
using TuiProf.Core.Recording;
using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;
using TuiProf.Targets;
using TuiProf.Tui;

namespace TuiProf.Commands;

/// <summary><c>tuiprof plot FILE</c>: a recording drawn as a text chart, the terminal's <c>mprof plot</c>.</summary>
public static class PlotCommand
{
    private const int MinWidth = 20, MaxWidth = 1000;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A recording written by 'tuiprof record'" };
        var width = NumericRange.Count(new Option<int?>("--width", "-w") { Description = "Columns (default: the terminal's width, or 100)" }, MinWidth, MaxWidth);
        var height = NumericRange.Count(new Option<int>("--height", "-h") { Description = "Rows of the chart", DefaultValueFactory = _ => 20 }, 8, 500);
        var ascii = new Option<bool>("--ascii") { Description = "Plain ASCII instead of braille and box lines" };
        var command = new Command("plot", "Draw a recording as a text chart on stdout") { file, width, height, ascii };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(width), parse.GetValue(height), parse.GetValue(ascii)));
        return command;
    }

    private static int Run(FileInfo path, int? width, int height, bool ascii)
    {
        var recording = RecordingInput.Read(path);
        if (recording.Events.Count == 0)
        {
            SafeConsole.Error($"{path.Name} holds no events to plot");
            return 1;
        }

        var glyphs = ascii || !TerminalCapabilities.SupportsUnicode ? ChartGlyphs.Ascii : ChartGlyphs.Unicode;
        var columns = width ?? (Console.IsOutputRedirected ? 100 : Math.Clamp(Console.WindowWidth, 40, MaxWidth));
        var window = TimelineWindow.From(recording.Events);
        SafeConsole.WriteLine(RecordingSummary.Describe(recording, window));
        // A grid's cells are safe as they are (CellGrid), so the colours are the only escape codes written.
        var frame = ChartRenderer.Render(window, columns, height, glyphs);
        StandardOutput.Writer.Write(TerminalCapabilities.UseColor ? AnsiFrame.Colorize(frame) : frame.ToString());
        var legend = new CellGrid(columns, 1);
        ChartLegend.Draw(legend, 0, 0, columns, glyphs);
        StandardOutput.Writer.Write(TerminalCapabilities.UseColor ? AnsiFrame.Colorize(legend) : legend.ToString());
        return 0;
    }
}
