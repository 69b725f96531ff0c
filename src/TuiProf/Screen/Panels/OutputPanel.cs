using TuiProf.Core.Rendering;

namespace TuiProf.Screen.Panels;

/// <summary>What the target printed, its errors flagged; read from its end, as a terminal.</summary>
public sealed class OutputPanel : IPanel
{
    public string ShortName => "output";

    public string Title(DashboardFrame frame) => "Target output";

    public bool ReadsFromEnd => true;

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows) =>
        frame.Output.SelectMany(o => TextBlock.Wrap(o.Text, width).Select(l => (l, o.IsError ? CellRole.Alert : CellRole.Label))).ToList();
}
