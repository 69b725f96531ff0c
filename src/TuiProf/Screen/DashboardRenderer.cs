using TuiProf.Core.Rendering;
using TuiProf.Screen.Panels;

namespace TuiProf.Screen;

/// <summary>
/// The whole screen as one frame of cells, from a <see cref="DashboardFrame"/>: header, chart and its legend, the
/// scenario list and a panel (plus a GC list on wide screens), the last output line, key hints. The chart gets the
/// height first; the panels shrink, then hide, as the screen gets shorter. Pure, so it is tested as text.
/// </summary>
public static class DashboardRenderer
{
    public const int MinWidth = 40, MinHeight = 12;
    private const int ListWidth = 23, GcColumnWidth = 58, WideScreen = 130;

    /// <summary>Graph rows kept before any panel gets a row, and the fewest rows a panel is worth showing with.</summary>
    private const int MinPlotRows = 10, MinPanelRows = 4;

    /// <summary>Wide screens list the GCs in a column of their own; the text takes their place in the main panel.</summary>
    private static readonly IPanel GcColumn = new GcsPanel(), InsteadOfGcs = new LookForPanel();

    public static CellGrid Render(DashboardFrame frame, int width, int height)
    {
        var grid = new CellGrid(width, height);
        Draw(frame, grid);
        return grid;
    }

    /// <summary>The frame over whatever <paramref name="grid"/> held, at its size.</summary>
    public static void Draw(DashboardFrame frame, CellGrid grid)
    {
        var (width, height) = (grid.Width, grid.Height);
        grid.Clear();
        if (width < MinWidth || height < MinHeight)
        {
            grid.Text(0, 0, TextBlock.Fit($"TuiProf: need {MinWidth}x{MinHeight}", width), CellRole.Alert);
            if (height > 1) grid.Text(0, 1, TextBlock.Fit("q quits", width), CellRole.Muted);
            return;
        }

        HeaderBar.Draw(grid, frame);
        var (chartHeight, panelRows) = Layout(frame, height);
        ChartRenderer.Draw(grid, 2, chartHeight, frame.Window, frame.Glyphs);
        ChartLegend.Draw(grid, 1, 2 + chartHeight, width - 1, frame.Glyphs);
        if (panelRows > 0) DrawPanels(grid, frame, 3 + chartHeight, panelRows);

        if (frame.Message is { } message)
        {
            // A message is never cut: a long one takes the row above too.
            var lines = TextBlock.Wrap(message, width - 2).TakeLast(2).ToList();
            for (var i = 0; i < lines.Count; i++)
                grid.Text(0, height - 1 - lines.Count + i, TextBlock.Fit(" " + lines[i], width), CellRole.Alert);
        }
        else if (frame.Output.Count > 0)
        {
            grid.Text(0, height - 2, TextBlock.Fit(" > " + frame.Output[^1].Text, width), CellRole.Muted);
        }
        KeyHints.Draw(grid, height - 1, frame.Keys);
        if (frame.Picker is { } picker) PickerOverlay.Draw(grid, picker, frame.Glyphs);
        if (frame.Help) HelpOverlay.Draw(grid, frame.Glyphs, frame.Keys);
        if (frame.Question is { } question) QuestionOverlay.Draw(grid, question, frame.Glyphs);
    }

    /// <summary>Rows for the chart and for the panels (0: hidden), between the header and the two bottom lines.</summary>
    private static (int Chart, int Panel) Layout(DashboardFrame frame, int height)
    {
        var available = height - 4 - 1; // header, message and hints; the legend
        var preferred = height >= 40 ? 12 : height >= 30 ? 10 : 9;
        var chartNeeds = ChartRenderer.RowsAround(frame.Window) + MinPlotRows;
        var panel = Math.Min(preferred, available - chartNeeds);
        if (panel < MinPanelRows) panel = 0;
        return (available - panel, panel);
    }

    private static void DrawPanels(CellGrid grid, DashboardFrame frame, int top, int rows)
    {
        var g = frame.Glyphs;
        grid.Fill(0, top, grid.Width, 1, g.HorizontalLine, CellRole.Axis);
        grid.Text(1, top, " Scenarios ", CellRole.Title);
        // A short panel shows the part of the list around the selection.
        var listRows = rows - 1;
        var first = Math.Clamp(frame.SelectedScenario - listRows / 2, 0, Math.Max(0, frame.Scenarios.Count - listRows));
        for (var i = first; i < Math.Min(frame.Scenarios.Count, first + listRows); i++)
        {
            var selected = i == frame.SelectedScenario;
            var text = TextBlock.Fit($"{(selected ? '>' : ' ')}{i + 1} {frame.Scenarios[i]}", ListWidth - 1);
            grid.Text(0, top + 1 + i - first, text, selected ? CellRole.Selected : CellRole.Label);
        }

        var wide = grid.Width >= WideScreen;
        var panelWidth = grid.Width - ListWidth - (wide ? GcColumnWidth : 0);
        var panel = wide && frame.Panel is GcsPanel ? InsteadOfGcs : frame.Panel;
        DrawPanel(grid, frame, panel, ListWidth, top, panelWidth, rows, main: true);
        if (wide) DrawPanel(grid, frame, GcColumn, ListWidth + panelWidth, top, GcColumnWidth, rows, main: false);
    }

    private static void DrawPanel(CellGrid grid, DashboardFrame frame, IPanel panel, int x, int top, int width, int rows, bool main)
    {
        for (var y = top + 1; y < top + rows; y++)
            grid.Put(x - 1, y, frame.Glyphs.VerticalLine, CellRole.Axis);
        var lines = panel.Lines(frame, width - 2, rows - 1);
        var page = rows - 1;
        var pages = Math.Max(1, (lines.Count + page - 1) / page);
        var scroll = main ? Math.Min(frame.PanelScroll, pages - 1) : 0;
        var first = panel.ReadsFromEnd ? Math.Max(0, lines.Count - page * (scroll + 1)) : scroll * page;
        var more = pages > 1 && main ? $"[PgDn/PgUp {scroll + 1}/{pages}] " : "";
        var name = panel.Title(frame);
        var keys = main ? "[tab] " + more : "";
        // Where it does not fit, a title's aside in brackets goes before the page it is on.
        if ($" {name} {keys}".Length > width - 1 && name.IndexOf(" (", StringComparison.Ordinal) is > 0 and var aside)
            name = name[..aside];
        // Still too long (a long scenario or command name): the name is cut with a mark, never the keys and the page.
        var room = width - 1 - $"  {keys}".Length;
        if (name.Length > room) name = TextBlock.Cut(name, Math.Max(2, room));
        var title = $" {name} {keys}";
        grid.Text(x, top, TextBlock.Fit(title, Math.Min(title.Length, width - 1)), CellRole.Title);
        for (var i = 0; i < Math.Min(lines.Count - first, page); i++)
            grid.Text(x + 1, top + 1 + i, TextBlock.Fit(lines[first + i].Text, width - 2), lines[first + i].Role);
    }
}
