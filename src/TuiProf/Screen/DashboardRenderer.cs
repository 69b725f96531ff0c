using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>
/// The whole screen as one frame of cells, from a <see cref="DashboardFrame"/>: header, chart, scenario list and
/// a panel (plus a GC list on wide screens), the last output line, key hints. Pure, so it is tested as text.
/// </summary>
public static class DashboardRenderer
{
    public const int MinWidth = 40, MinHeight = 12;
    private const int ListWidth = 23, GcColumnWidth = 58, WideScreen = 130;

    public static CellGrid Render(DashboardFrame frame, int width, int height)
    {
        var grid = new CellGrid(width, height);
        if (width < MinWidth || height < MinHeight)
        {
            grid.Text(0, 0, TextBlock.Fit($"TuiProf: need {MinWidth}x{MinHeight}", width), CellRole.Alert);
            if (height > 1) grid.Text(0, 1, TextBlock.Fit("q quits", width), CellRole.Muted);
            return grid;
        }

        HeaderBar.Draw(grid, frame);
        var panelRows = height >= 40 ? 12 : height >= 30 ? 10 : 9;
        var panelTop = height - 2 - panelRows;
        var chartHeight = panelTop - 2;
        grid.Blit(ChartRenderer.Render(frame.Window, width, chartHeight, frame.Glyphs), 0, 2);

        DrawPanels(grid, frame, panelTop, panelRows);
        var bottom = frame.Message ?? (frame.Output.Count > 0 ? "> " + frame.Output[^1].Text : "");
        grid.Text(0, height - 2, TextBlock.Fit(" " + bottom, width), frame.Message is null ? CellRole.Muted : CellRole.Alert);
        KeyHints.Draw(grid, height - 1);
        if (frame.Picker is { } picker) PickerOverlay.Draw(grid, picker, frame.Glyphs);
        if (frame.Help) HelpOverlay.Draw(grid, frame.Glyphs);
        return grid;
    }

    private static void DrawPanels(CellGrid grid, DashboardFrame frame, int top, int rows)
    {
        var g = frame.Glyphs;
        grid.Fill(0, top, grid.Width, 1, g.HorizontalLine, CellRole.Axis);
        grid.Text(1, top, " Scenarios ", CellRole.Title);
        for (var i = 0; i < Math.Min(frame.Scenarios.Count, rows - 1); i++)
        {
            var selected = i == frame.SelectedScenario;
            var text = TextBlock.Fit($"{(selected ? '>' : ' ')}{i + 1} {frame.Scenarios[i]}", ListWidth - 1);
            grid.Text(0, top + 1 + i, text, selected ? CellRole.Selected : CellRole.Label);
        }

        var wide = grid.Width >= WideScreen;
        var panelWidth = grid.Width - ListWidth - (wide ? GcColumnWidth : 0);
        var panel = wide && frame.Panel == BottomPanel.Gcs ? BottomPanel.LookFor : frame.Panel;
        DrawPanel(grid, frame, panel, ListWidth, top, panelWidth, rows, showTab: true);
        if (wide) DrawPanel(grid, frame, BottomPanel.Gcs, ListWidth + panelWidth, top, GcColumnWidth, rows, showTab: false);
    }

    private static void DrawPanel(CellGrid grid, DashboardFrame frame, BottomPanel panel, int x, int top, int width, int rows, bool showTab)
    {
        for (var y = top + 1; y < top + rows; y++)
            grid.Put(x - 1, y, frame.Glyphs.VerticalLine, CellRole.Axis);
        var title = $" {PanelContent.Title(panel, frame)} " + (showTab ? "[tab] " : "");
        grid.Text(x, top, TextBlock.Fit(title, Math.Min(title.Length, width - 1)), CellRole.Title);
        var lines = PanelContent.Lines(panel, frame, width - 2, rows - 1);
        for (var i = 0; i < Math.Min(lines.Count, rows - 1); i++)
            grid.Text(x + 1, top + 1 + i, TextBlock.Fit(lines[i].Text, width - 2), lines[i].Role);
    }
}
