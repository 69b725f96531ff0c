using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Rendering;
using TuiProf.Live;
using TuiProf.Scenarios;
using TuiProf.Screen;
using TuiProf.Targets;

namespace TuiProf.Tui;

/// <summary>
/// The live dashboard of one target: the profiler, what the user set on the screen, and the keys that drive them.
/// Run by <see cref="ScreenHost"/> on its own (<c>tuiprof</c>, <c>run</c>, <c>attach</c>, <c>view</c>), or as one
/// process's screen under <c>tuiprof top</c>.
/// </summary>
public sealed class TuiApp : IScreen
{
    private readonly IReadOnlyList<ScenarioInfo> _scenarios = ScenarioCatalog.All;
    private readonly ViewState _view;
    private readonly ProfilerControl _control;
    private readonly DashboardKeys _keys;
    private readonly bool _unicode = TerminalCapabilities.SupportsUnicode;
    private Action? _quit;

    /// <param name="back">Under <c>top</c>: what Esc does when nothing is open to close (back to the list).</param>
    /// <param name="history">Under <c>top</c>: the process's timeline so far, which this dashboard continues.</param>
    public TuiApp(SessionOptions options, SnapshotRule? snapshots = null, Action? back = null, Core.Timeline.Timeline? history = null)
    {
        _view = new ViewState { Keys = back is null ? KeyTable.Dashboard : KeyTable.UnderTop };
        Profiler = new LiveProfiler(options, snapshots, history);
        _control = new ProfilerControl(Profiler, _view);
        _keys = new DashboardKeys(_control, _view, _scenarios, () => _quit?.Invoke(), back);
    }

    public LiveProfiler Profiler { get; }

    public bool Ascii { set => _view.Ascii = value; }

    /// <param name="stop">A signal: quit as q does.</param>
    /// <param name="recording">A recording to show (and follow while it is written) instead of starting a target.</param>
    /// <param name="snapshots">Heap snapshots on a condition (<c>--snapshot-when</c>), or null.</param>
    public static async Task<int> RunAsync(TargetSpec? target, SessionOptions options, bool ascii, CancellationToken stop,
        string? recording = null, SnapshotRule? snapshots = null)
    {
        var tui = new TuiApp(options, snapshots) { Ascii = ascii };
        if (target is TargetSpec.Scenario { Info: var info }) tui._view.Selected = Math.Max(0, tui._scenarios.ToList().IndexOf(info));
        if (!Console.IsInputRedirected && !Console.IsOutputRedirected)
            _ = recording is not null
                ? tui.Profiler.ViewAsync(recording)
                : tui.StartAsync(target ?? new TargetSpec.Scenario(tui._scenarios[0], Loop: true));
        await ScreenHost.RunAsync(tui, stop);
        return 0;
    }

    public Task StartAsync(TargetSpec target) => _control.StartAsync(target);

    public void Render(CellGrid grid)
    {
        _control.ShowOutcomes();
        var frame = FrameBuilder.Build(Profiler, _view, _scenarios, _unicode);
        using (frame.Window) DashboardRenderer.Draw(frame, grid);
    }

    public bool Press(string key, Action quit)
    {
        _quit = quit;
        _control.ShowOutcomes(); // what came before the key is on the view before the key acts
        return _keys.Press(key);
    }

    public void DrawSoonWith(Action frameSoon) => Profiler.ShowNow += frameSoon;

    public Task EndAsync() => Profiler.DisposeAsync().AsTask();
}
