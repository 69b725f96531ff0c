using TuiProf.Core.Rendering;

namespace TuiProf.Screen.Panels;

/// <summary>What to look for on the graph: the selected scenario's explanation, or the legend for any program.</summary>
public sealed class LookForPanel : IPanel
{
    public string ShortName => "text";

    public string Title(DashboardFrame frame) => $"What to look for: {frame.LookFor.Subject}";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows) =>
        TextBlock.Wrap(frame.LookFor.Text, width).Select(l => (l, CellRole.Label)).ToList();
}
