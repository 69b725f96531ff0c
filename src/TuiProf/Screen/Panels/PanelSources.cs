using TuiProf.Core.Heap;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen.Panels;

/// <summary>
/// The profiler's data as panels read it: the shown process's timeline, the target's .NET processes and what its
/// last heap snapshot found. Panels ask it for their figures while they are drawn, never before.
/// </summary>
public sealed record PanelSources(Timeline Timeline)
{
    public IReadOnlyList<ProcessStarted> Processes { get; init; } = [];

    /// <summary>The process whose timeline is shown.</summary>
    public int? ShownPid { get; init; }

    /// <summary>Whether a process still runs; the system is asked, unless a test says.</summary>
    public Func<int, bool> IsAlive { get; init; } = Core.Targets.ProcessInfo.IsAlive;

    public HeapFindings? Heap { get; init; }
}
