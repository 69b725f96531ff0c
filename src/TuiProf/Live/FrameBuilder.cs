using TuiProf.Core.Rendering;
using TuiProf.Scenarios;
using TuiProf.Screen;
using TuiProf.Screen.Panels;

namespace TuiProf.Live;

/// <summary>Captures the profiler and view state as one <see cref="DashboardFrame"/>.</summary>
public static class FrameBuilder
{
    private const int RecentCount = 30;

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
            Output = timeline.RecentOutput(RecentCount),
            Panel = view.Panel,
            Glyphs = view.Ascii || !unicode ? ChartGlyphs.Ascii : ChartGlyphs.Unicode,
            Message = view.Message ?? timeline.LastNotice?.Text,
            Help = view.Help,
            Keys = view.Keys,
            Picker = view.Picker,
            Question = view.Question?.Text,
            PanelScroll = view.PanelScroll,
            // The panel shown works out its figures from these as it is drawn.
            Sources = new PanelSources(timeline) { Processes = profiler.Processes, ShownPid = profiler.ShownPid, Heap = profiler.Heap },
        };
    }
}
