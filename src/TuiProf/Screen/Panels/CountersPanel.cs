using TuiProf.Core.Rendering;

namespace TuiProf.Screen.Panels;

/// <summary>The latest reading of every counter, by name, with its unit where the counter has one.</summary>
public sealed class CountersPanel : IPanel
{
    public string ShortName => "counters";

    public string Title(DashboardFrame frame) => "Counters (latest)";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows) =>
        frame.Stats.Counters.OrderBy(c => c.Key, StringComparer.Ordinal).Take(rows)
            .Select(c => ($"{CounterUnits.Format(c.Value),16}  {c.Key}", CellRole.Label)).ToList();
}
