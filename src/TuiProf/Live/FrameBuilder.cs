using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;
using TuiProf.Scenarios;
using TuiProf.Screen;

namespace TuiProf.Live;

/// <summary>Captures the profiler and view state as one <see cref="DashboardFrame"/>.</summary>
public static class FrameBuilder
{
    private const int RecentCount = 30;
    private const int TopTypes = 10;

    private const string AnyProgram =
        "Brackets are this program's own ActivitySource activities (any source, any name); GC markers show each " +
        "collection's generation, induced ones with a heavy line. Press g to force a full GC and see what it frees: " +
        "a heap that does not fall after an induced gen-2 GC is live data, held by a root.";

    public static DashboardFrame Build(LiveProfiler profiler, ViewState view, IReadOnlyList<ScenarioInfo> scenarios, bool unicode)
    {
        var timeline = profiler.Timeline;
        var end = view.End(profiler.Now);
        var selected = scenarios.ElementAtOrDefault(view.Selected);
        return new DashboardFrame
        {
            Target = profiler.TargetName,
            Status = profiler.ShownPid is { } shown && shown != profiler.ProcessId
                ? $"{profiler.Status}; showing pid {shown}"
                : profiler.Status,
            Live = view.PausedAt is null,
            Window = timeline.Window(end - view.Span, end),
            Stats = timeline.Stats(),
            Scenarios = scenarios.Select(s => s.Name).ToList(),
            SelectedScenario = view.Selected,
            // Scenarios show the selected one's text (arrows preview the others); any other target gets the legend.
            LookFor = profiler.Target is Targets.TargetSpec.Scenario && selected is not null
                ? (selected.Name, selected.LookFor)
                : (profiler.TargetName, AnyProgram),
            RecentGcs = timeline.RecentGcs(RecentCount),
            // The per-call figures cost a window slice a call: worked out only while their panel is shown.
            RecentCalls = view.Panel == BottomPanel.Calls ? timeline.RecentBrackets(RecentCount).Select(b => Summarize(timeline, b)).ToList() : [],
            Output = timeline.RecentOutput(RecentCount),
            Allocations = view.Panel == BottomPanel.Allocations ? timeline.TopAllocations(TopTypes) : [],
            LastCallAllocations = view.Panel == BottomPanel.Allocations && timeline.RecentBrackets(1) is [var call]
                ? new CallAllocations(call, timeline.TopAllocations(call.T, call.End, TopTypes))
                : null,
            CallSites = view.Panel == BottomPanel.Allocations ? timeline.TopCallSites(end - view.Span, end, TopTypes) : [],
            Panel = view.Panel,
            Glyphs = view.Ascii || !unicode ? ChartGlyphs.Ascii : ChartGlyphs.Unicode,
            Message = view.Message ?? timeline.LastNotice?.Text,
            Help = view.Help,
            Picker = view.Picker,
            Question = view.Question?.Text,
            PanelScroll = view.PanelScroll,
            Heap = view.Panel == BottomPanel.Heap ? profiler.Heap : null,
            Processes = view.Panel == BottomPanel.Processes
                ? profiler.Processes.Select(p => new ProcessRow(p.ProcessId, p.ParentId, p.Name, p.Followed,
                    Core.Targets.ProcessInfo.IsAlive(p.ProcessId), p.ProcessId == profiler.ShownPid)).ToList()
                : [],
        };
    }

    private static BracketSummary Summarize(Timeline timeline, Bracket bracket)
    {
        using var window = timeline.Window(bracket.T, bracket.End);
        var inside = window.Rss.Where(s => s.T >= bracket.T && s.T <= bracket.End).ToList();
        return new BracketSummary(bracket, inside.Count > 0 ? inside.Max(s => s.Rss) : null, window.HeapDelta(bracket));
    }
}
