using TuiProf.Core.Timeline;
using TuiProf.Screen.Panels;

namespace TuiProf.Tests.Screen;

/// <summary>The processes of a <c>dotnet run</c>: the host, the compiler (listed only, exited) and the app, shown.</summary>
public static class DotnetRunTree
{
    public static readonly IReadOnlyList<ProcessStarted> Processes =
    [
        new(0, 100, 90, "dotnet", "dotnet run", Followed: true),
        new(1, 120, 100, "csc", "csc.dll", Followed: false),
        new(2, 130, 100, "App", "App.dll", Followed: true),
    ];

    /// <summary>The sources with the tree in them, the app shown.</summary>
    public static PanelSources In(PanelSources sources) =>
        sources with { Processes = Processes, ShownPid = 130, IsAlive = pid => pid != 120 };
}
