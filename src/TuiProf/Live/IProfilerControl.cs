using TuiProf.Targets;

namespace TuiProf.Live;

/// <summary>
/// What the dashboard's keys read of the profiled target and ask of it: <see cref="ProfilerControl"/> over the live
/// profiler, a recording stand-in where the key policy is tested on its own. The requests return at once; their
/// tasks are the work going on in the background, which no key waits for.
/// </summary>
public interface IProfilerControl
{
    TargetSpec? Target { get; }

    /// <summary>The target's own process (launched or attached), running or not.</summary>
    int? ProcessId { get; }

    /// <summary>Whether the shown process has exited.</summary>
    bool HasExited { get; }

    /// <summary>"Now" on the target's clock.</summary>
    double Now { get; }

    /// <summary>The time of the oldest data still held for the shown process.</summary>
    double Oldest { get; }

    /// <summary>Ends the current target and starts <paramref name="target"/>; null starts the current one again.</summary>
    Task StartAsync(TargetSpec? target);

    /// <summary>Asks the shown process for a full GC.</summary>
    Task ForceGcAsync();

    Task TakeHeapSnapshotAsync();

    /// <summary>Takes a short series of heap snapshots, whose leak suspects the heap panel ranks.</summary>
    Task FindLeakSuspectsAsync();

    /// <summary>Shows the next (+1) or previous (-1) profiled process of the tree.</summary>
    void ShowNext(int step);
}
