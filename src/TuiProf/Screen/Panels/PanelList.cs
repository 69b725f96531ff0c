namespace TuiProf.Screen.Panels;

/// <summary>
/// Every panel, in the order Tab cycles through them and the help names them. The renderer, the help and Tab all
/// read this list: adding a panel is adding its class and a line here.
/// </summary>
public static class PanelList
{
    public static readonly IReadOnlyList<IPanel> All =
    [
        new LookForPanel(),
        new GcsPanel(),
        new CallsPanel(),
        new AllocationsPanel(),
        new CountersPanel(),
        new OutputPanel(),
        new ProcessesPanel(),
        new HeapSnapshotPanel(),
    ];

    /// <summary>The panel Tab shows after <paramref name="panel"/>, the first after the last.</summary>
    public static IPanel After(IPanel panel) => All[(All.ToList().IndexOf(panel) + 1) % All.Count];
}
