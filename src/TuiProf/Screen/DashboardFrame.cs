using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen;

/// <summary>Everything one screen shows, captured at one instant: the input of <see cref="DashboardRenderer"/>.</summary>
public sealed record DashboardFrame
{
    public required string Target { get; init; }
    public required string Status { get; init; }
    public required bool Live { get; init; }
    public required TimelineWindow Window { get; init; }
    public required TimelineStats Stats { get; init; }
    public required IReadOnlyList<string> Scenarios { get; init; }
    public required int SelectedScenario { get; init; }
    /// <summary>What the explanation panel describes (a scenario's name, or the target) and the text itself.</summary>
    public required (string Subject, string Text) LookFor { get; init; }
    public required IReadOnlyList<GcEvent> RecentGcs { get; init; }
    public required IReadOnlyList<BracketSummary> RecentCalls { get; init; }
    public required IReadOnlyList<OutputLine> Output { get; init; }
    /// <summary>Top allocating types over the session, and in the last finished call (if any).</summary>
    public IReadOnlyList<TypeAllocation> Allocations { get; init; } = [];
    public CallAllocations? LastCallAllocations { get; init; }
    /// <summary>With --allocations: the call sites (type and method) that allocated most in the window.</summary>
    public IReadOnlyList<SiteTotal> CallSites { get; init; } = [];
    public required BottomPanel Panel { get; init; }
    public required ChartGlyphs Glyphs { get; init; }
    public string? Message { get; init; }
    public bool Help { get; init; }
    public ProcessPicker? Picker { get; init; }
    /// <summary>A yes/no question waiting for an answer, or null.</summary>
    public string? Question { get; init; }
    /// <summary>The last heap snapshot, its diff and paths (only while the heap panel is shown).</summary>
    public HeapView? Heap { get; init; }
    /// <summary>The target's .NET processes (worked out only while their panel is shown).</summary>
    public IReadOnlyList<ProcessRow> Processes { get; init; } = [];
    /// <summary>Pages the panel's text is scrolled by (down for text, back for output).</summary>
    public int PanelScroll { get; init; }
}

/// <summary>What the panel beside the scenario list shows; Tab cycles through them.</summary>
public enum BottomPanel
{
    LookFor,
    Gcs,
    Calls,
    Allocations,
    Counters,
    Output,
    Processes,
    Heap,
}

/// <summary>A .NET process of the target, as the processes panel lists it.</summary>
public sealed record ProcessRow(int Pid, int? Parent, string Name, bool Followed, bool Alive, bool Shown);

/// <summary>What one call allocated, by type, from the allocation samples taken during it.</summary>
public sealed record CallAllocations(Bracket Call, IReadOnlyList<TypeAllocation> Types);

/// <summary>One finished call with what it did to memory: peak RSS inside it and the heap's change across it.</summary>
public sealed record BracketSummary(Bracket Bracket, long? PeakRss, long? HeapDelta);
