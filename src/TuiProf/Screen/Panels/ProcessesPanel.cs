using TuiProf.Core.Rendering;

namespace TuiProf.Screen.Panels;

/// <summary>The target's process tree as a list: profiled processes first-class, the others (resumed at once) muted.</summary>
public sealed class ProcessesPanel : IPanel
{
    public string ShortName => "procs";

    public string Title(DashboardFrame frame) => "Processes ([ ] shows another)";

    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows)
    {
        var sources = frame.Sources;
        var lines = new List<(string, CellRole)> { ("     pid  parent  name             state", CellRole.Muted) };
        lines.AddRange(sources.Processes.Select(p =>
            ($"{(p.ProcessId == sources.ShownPid ? ">" : " ")}{p.ProcessId,7} {p.ParentId,7}  {TextBlock.Cut(p.Name, 16),-16} " +
             $"{(sources.IsAlive(p.ProcessId) ? "running" : "exited")}, {(p.Followed ? "profiled" : "listed only")}",
                p.Followed ? CellRole.Label : CellRole.Muted)));
        return lines;
    }
}
