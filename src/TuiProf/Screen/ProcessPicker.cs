using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;

namespace TuiProf.Screen;

/// <summary>The <c>p</c> list: running .NET processes of this user to attach to, and which one is selected.</summary>
public sealed record ProcessPicker(IReadOnlyList<ProcessInfo> Processes, int Selected = 0)
{
    public ProcessInfo? Current => Processes.ElementAtOrDefault(Selected);

    public ProcessPicker Move(int by) => this with { Selected = Math.Clamp(Selected + by, 0, Math.Max(0, Processes.Count - 1)) };
}
