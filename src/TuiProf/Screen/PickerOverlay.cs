using TuiProf.Core.Rendering;

namespace TuiProf.Screen;

/// <summary>The <c>p</c> box over the middle of the screen: PID, name and command line of each process, one selected.</summary>
public static class PickerOverlay
{
    public static void Draw(CellGrid grid, ProcessPicker picker, ChartGlyphs glyphs)
    {
        var width = Math.Min(grid.Width - 2, 100);
        var height = Math.Min(grid.Height - 2, Math.Max(picker.Processes.Count, 1) + 3);
        int x = (grid.Width - width) / 2, y = (grid.Height - height) / 2;
        grid.Fill(x, y, width, height, ' ', CellRole.Label);
        Box.Draw(grid, x, y, width, height, glyphs, CellRole.Axis);
        grid.Text(x + 1, y + 1, TextBlock.Fit(" Attach to a .NET process   up/down, Enter attaches, Esc closes", width - 2), CellRole.Title);
        if (picker.Processes.Count == 0)
        {
            grid.Text(x + 1, y + 2, TextBlock.Fit(" no other .NET process of yours is running", width - 2), CellRole.Muted);
            return;
        }
        var rows = height - 3;
        var first = Math.Clamp(picker.Selected - rows + 1, 0, Math.Max(0, picker.Processes.Count - rows)); // keep the selection in view
        for (var i = 0; i < Math.Min(rows, picker.Processes.Count - first); i++)
        {
            var index = first + i;
            var p = picker.Processes[index];
            var selected = index == picker.Selected;
            var line = $"{(selected ? '>' : ' ')}{p.Pid,8}  {p.Name,-16} {p.CommandLine}";
            grid.Text(x + 1, y + 2 + i, TextBlock.Fit(line, width - 2), selected ? CellRole.Selected : CellRole.Label);
        }
    }
}
