using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;
using TuiProf.Screen.Panels;

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
    public required IReadOnlyList<OutputLine> Output { get; init; }
    /// <summary>The panel beside the scenario list; Tab cycles through <see cref="PanelList"/>.</summary>
    public required IPanel Panel { get; init; }
    /// <summary>What the panels work their figures out from, when drawn.</summary>
    public required PanelSources Sources { get; init; }
    public required ChartGlyphs Glyphs { get; init; }
    public string? Message { get; init; }
    public bool Help { get; init; }

    /// <summary>The keys the footer hints at and the help lists: the dashboard's, or those it has under top.</summary>
    public KeyMap Keys { get; init; } = KeyTable.Dashboard;
    public ProcessPicker? Picker { get; init; }
    /// <summary>A yes/no question waiting for an answer, or null.</summary>
    public string? Question { get; init; }
    /// <summary>Pages the panel's text is scrolled by (down for text, back for output).</summary>
    public int PanelScroll { get; init; }
}
