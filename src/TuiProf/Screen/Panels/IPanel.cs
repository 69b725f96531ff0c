using TuiProf.Core.Rendering;

namespace TuiProf.Screen.Panels;

/// <summary>
/// A panel beside the scenario list: its name, its title and its lines, drawn from the frame and the profiler's
/// data it carries (<see cref="DashboardFrame.Sources"/>). A panel works out its figures only when it is drawn, so
/// only the shown one costs anything. <see cref="PanelList"/> holds them all.
/// </summary>
public interface IPanel
{
    /// <summary>The panel's name in the help's list of what Tab cycles through.</summary>
    string ShortName { get; }

    /// <summary>The title on the panel's top line; an aside in brackets gives way first where it does not fit.</summary>
    string Title(DashboardFrame frame);

    /// <summary>Whether its pages count from its end (output, as a terminal shows it) rather than its start.</summary>
    bool ReadsFromEnd => false;

    /// <summary>Its lines at a width, newest first where it is a list; <paramref name="rows"/> make a page.</summary>
    IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows);
}
