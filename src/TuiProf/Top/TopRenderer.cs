using System.Globalization;
using TuiProf.Core.Fleet;
using TuiProf.Core.Rendering;
using TuiProf.Screen;

namespace TuiProf.Top;

/// <summary>
/// <c>tuiprof top</c>'s screen as cells: a title, one row a process (the selected one marked), what the columns
/// mean, a message, the keys. Columns keep their width; the name and the heap history take what the screen has
/// beyond 80 columns. Pure, so it is tested as text.
/// </summary>
public static class TopRenderer
{
    private const int Pid = 7, Bytes = 6, Rates = 10, InGc = 4, Alloc = 7, MinName = 18, MinHistory = 8;

    /// <param name="unicode">Whether the terminal shows more than ASCII (its locale is UTF-8): braille and arrows only then.</param>
    public static void Draw(CellGrid grid, IReadOnlyList<ProcessRow> rows, TopState state, string clock, bool unicode = true)
    {
        var ascii = state.Ascii || !unicode;
        var (width, height) = (grid.Width, grid.Height);
        grid.Clear();
        if (width < DashboardRenderer.MinWidth || height < 8)
        {
            grid.Text(0, 0, TextBlock.Fit($"TuiProf top: need {DashboardRenderer.MinWidth}x8", width), CellRole.Alert);
            return;
        }
        var glyphs = ascii ? ChartGlyphs.Ascii : ChartGlyphs.Unicode;
        var filter = state.EditingFilter ? $"  filter: {state.Filter}_" : state.Filter.Length > 0 ? $"  filter: {state.Filter}" : "";
        var title = $" TuiProf top  {rows.Count} .NET process{(rows.Count == 1 ? "" : "es")}  sort: {state.Sort.Name}{filter}";
        grid.Text(0, 0, TextBlock.Fit(title, width - clock.Length - 1), CellRole.Title);
        grid.Text(width - clock.Length - 1, 0, clock, CellRole.Title);

        var (name, history) = Widths(width);
        grid.Text(0, 1, TextBlock.Fit(Header(name, history), width), CellRole.Axis);
        var listRows = height - 6; // title, header; the selected process, legend, message, keys
        var selected = Math.Max(0, rows.ToList().FindIndex(r => r.Key == state.Selected));
        var first = Math.Clamp(selected - listRows + 1, 0, Math.Max(0, rows.Count - listRows));
        for (var i = 0; i < listRows && first + i < rows.Count; i++)
        {
            var row = rows[first + i];
            var isSelected = row.Key == state.Selected;
            var line = Line(row, name, history, glyphs.Braille, isSelected, ascii ? '^' : '↑');
            grid.Text(0, 2 + i, TextBlock.Fit(line, width), isSelected ? CellRole.Selected : row.Problem is null ? CellRole.Label : CellRole.Muted);
        }
        if (rows.Count == 0)
            grid.Text(0, 2, TextBlock.Fit(state.Filter.Length > 0 ? " no process matches the filter" : " no .NET process of yours is running", width), CellRole.Muted);

        if (rows.FirstOrDefault(r => r.Key == state.Selected) is { } chosen)
            grid.Text(0, height - 4, TextBlock.Fit(" " + Detail(chosen), width), CellRole.Label);
        grid.Text(0, height - 3, TextBlock.Fit(
            $" {(ascii ? '^' : '↑')} heap left by gen-2 GCs rose {ProcessSummary.Gen2Run - 1} times running  GC/s, GC%: last " +
            $"{ProcessSummary.RateSeconds:0} s  * open", width), CellRole.Muted);
        if (state.Message is { } message) grid.Text(0, height - 2, TextBlock.Fit(" " + message, width), CellRole.Alert);
        KeyHints.Draw(grid, height - 1, KeyTable.Top);
        if (state.Help) HelpOverlay.Draw(grid, glyphs, KeyTable.Top);
    }

    /// <summary>How many values the heap history column holds at this width.</summary>
    public static int HistoryValues(int width, bool braille) => Sparkline.Capacity(Widths(width).History, braille);

    private static (int Name, int History) Widths(int width)
    {
        const int fixedWidth = 2 + Pid + 2 * Bytes + 1 + Rates + InGc + Alloc + 7; // the marks, the numbers, the growth flag, 7 spaces
        var spare = width - 1 - fixedWidth - MinName - MinHistory;
        var name = MinName + Math.Max(0, spare) * 2 / 5;
        return (name, MinHistory + Math.Max(0, spare) - (name - MinName));
    }

    private static string Header(int name, int history) =>
        $"  {"PID",Pid} {Left("NAME", name)} {"RSS",Bytes} {"HEAP",Bytes}  {Left($"HEAP {ProcessSummary.HistorySeconds / 60:0} min", history)} " +
        $"{"GC/s 0/1/2",Rates} {"GC%",InGc} {"ALLOC/s",Alloc}";

    private static string Line(ProcessRow row, int name, int history, bool braille, bool selected, char growing)
    {
        var mark = (selected ? ">" : " ") + (row.Open ? "*" : " ");
        var pid = row.Pid?.ToString(CultureInfo.InvariantCulture) ?? "port";
        var start = $"{mark}{pid,Pid} {Left(TextBlock.Cut(row.Shown(name), name), name)} ";
        if (row.Summary is not { } s)
            return start + (row.Problem ?? "connecting");
        var values = s.HeapHistory;
        var spark = Sparkline.Of(values.Skip(Math.Max(0, values.Count - Sparkline.Capacity(history, braille))).ToList(), braille);
        var rates = string.Join('/', s.GcsPerSecond.Select(Rate));
        var line = $"{start}{Size(s.Rss),Bytes} {Size(s.Heap),Bytes}{(s.Gen2Growth is null ? ' ' : growing)} {spark.PadLeft(history)} {rates,Rates} " +
                   $"{(s.InGcPercent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) : "-"),InGc} " +
                   $"{(s.AllocationRate is { } a ? Size((long)a) : "-"),Alloc}";
        return row.Problem is { } problem ? $"{line}  ({problem})" : line;
    }

    /// <summary>The selected process in full: its command line, and by how much its heap after gen-2 GCs grew.</summary>
    private static string Detail(ProcessRow row)
    {
        var growth = row.Summary?.Gen2Growth is { } g ? $"heap +{Size(g)} across {ProcessSummary.Gen2Run} gen-2 GCs: " : "";
        return $"{growth}{(row.Pid is { } pid ? $"pid {pid}" : "port")} {(row.CommandLine.Length > 0 ? row.CommandLine : row.Name)}";
    }

    private static string Left(string text, int width) => text.Length >= width ? text[..width] : text.PadRight(width);

    /// <summary>A size in at most 6 characters: 999K, 12.3M, 1.23G.</summary>
    private static string Size(long? bytes) => bytes switch
    {
        null => "-",
        >= 1_000_000_000 => (bytes.Value / 1e9).ToString("0.00'G'", CultureInfo.InvariantCulture),
        >= 100_000_000 => (bytes.Value / 1e6).ToString("0'M'", CultureInfo.InvariantCulture),
        >= 1_000_000 => (bytes.Value / 1e6).ToString("0.0'M'", CultureInfo.InvariantCulture),
        >= 1_000 => (bytes.Value / 1e3).ToString("0'K'", CultureInfo.InvariantCulture),
        _ => bytes.Value.ToString("0'B'", CultureInfo.InvariantCulture),
    };

    private static string Rate(double perSecond) => perSecond switch
    {
        0 => "0",
        >= 10 => perSecond.ToString("0", CultureInfo.InvariantCulture),
        _ => perSecond.ToString("0.#", CultureInfo.InvariantCulture),
    };
}
