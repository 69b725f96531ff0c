using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Live;
using TuiProf.Scenarios;
using TuiProf.Screen;
using TuiProf.Targets;

namespace TuiProf.Tui;

/// <summary>
/// Wires the live profiler to the terminal: a frame every 100 ms, keys to <see cref="DashboardKeys"/>, signals to a
/// clean exit. On exit the target is ended, then the terminal restored.
/// </summary>
public sealed class TuiApp
{
    public static readonly TimeSpan FramePeriod = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private const string DisableMouseTracking = "\e[?1003l\e[?1002l\e[?1000l\e[?1006l";

    /// <summary>
    /// Cursor keys and keypad back to normal mode: Terminal.Gui turns on application mode and leaves it on, after
    /// which a shell's Up arrow sends <c>^[OA</c>.
    /// </summary>
    private const string NormalKeys = "\e[?1l\e>";

    private const string ClearHome = "\e[2J\e[H";

    private readonly IReadOnlyList<ScenarioInfo> _scenarios = ScenarioCatalog.All;
    private readonly LiveProfiler _profiler;
    private readonly ViewState _view = new();
    private readonly ProfilerControl _control;
    private readonly bool _unicode = TerminalCapabilities.SupportsUnicode;
    private Task? _targetEnded;

    private TuiApp(SessionOptions options, SnapshotRule? snapshots)
    {
        _profiler = new LiveProfiler(options, snapshots);
        _control = new ProfilerControl(_profiler, _view);
    }

    /// <param name="stop">A signal: quit as q does.</param>
    /// <param name="recording">A recording to show (and follow while it is written) instead of starting a target.</param>
    /// <param name="snapshots">Heap snapshots on a condition (<c>--snapshot-when</c>), or null.</param>
    public static async Task<int> RunAsync(TargetSpec? target, SessionOptions options, bool ascii, CancellationToken stop,
        string? recording = null, SnapshotRule? snapshots = null)
    {
        // Without a terminal the screen would wait for keys that never come and write its escape codes into a file.
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
            throw new UsageException("needs a terminal on stdin and stdout; for headless use 'tuiprof record'");
        var tui = new TuiApp(options, snapshots);
        tui._view.Ascii = ascii;
        if (target is TargetSpec.Scenario { Info: var info }) tui._view.Selected = Math.Max(0, tui._scenarios.ToList().IndexOf(info));
        try
        {
            _ = recording is not null
                ? tui._profiler.ViewAsync(recording)
                : tui._control.StartAsync(target ?? new TargetSpec.Scenario(tui._scenarios[0], Loop: true));
            await tui.ShowDashboardAsync(stop);
            Console.Out.Write(NormalKeys);
            Console.Out.Flush();
        }
        finally
        {
            await tui.EndTargetAsync(); // done already, unless the terminal failed first
        }
        return 0;
    }

    /// <summary>Runs the screen on this thread until q or a signal; returns once the target has ended and the terminal is restored.</summary>
    private async Task ShowDashboardAsync(CancellationToken stop)
    {
        using var pacer = new MainLoopPacer(FramePeriod);
        using var app = TerminalApplication.Create(pacer, out _);
        app.Init();
        app.Driver!.Force16Colors = true; // 24-bit colour is not a given over SSH or on a console
        app.Driver.WriteRaw(DisableMouseTracking); // keep the terminal's own text selection working

        var dashboard = new DashboardView(Render, new Palette(color: string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))));
        using var top = new Runnable();
        top.Border.Settings &= ~BorderSettings.TerminalTitle; // it wrote an empty title over the terminal's, never restored
        top.Add(dashboard);
        var keys = new DashboardKeys(_control, _view, _scenarios, app.RequestStop);
        app.Keyboard.KeyDown += (_, key) =>
        {
            _control.ShowOutcomes(); // what came before the key is on the view before the key acts
            key.Handled = keys.Press(KeyNames.Of(key));
            if (key.Handled) dashboard.Refresh(); // what the key did shows now, not at the next frame
        };
        // The frame is rendered at the start of an iteration, so the same iteration draws it: a timeout would run
        // after the iteration's draw and be drawn one iteration later. No timer of its own wakes the process.
        pacer.Pace(app, dashboard.Refresh);
        // A GC (or a new target's first reading) is drawn as it arrives, not up to a frame later.
        _profiler.ShowNow += pacer.FrameSoon;
        // A new size is polled once an iteration: a resize wakes the loop so the frame follows the window at once.
        using var resized = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => pacer.Wake());
        // A signal stops through the UI loop, so the terminal is restored and the target ended; if the terminal has
        // gone (an SSH connection dropped), restoring it never returns, and StopSignals ends the process regardless.
        using var signalled = stop.Register(() => pacer.Invoke(app, app.RequestStop));
        app.Run(top);
        // An empty alternate screen with the cursor home: tmux, leaving it for a window enlarged since it was entered,
        // shrinks it to the old size first and keeps the rows pushed off the top, which then reappear over the prompt.
        app.Driver.WriteRaw(ClearHome);
        // The target goes first: restoring a terminal that has gone away (app.Dispose) can hang. Awaited, not waited
        // for on the UI thread: what follows (the restoring) needs nothing of the loop that has ended, nor its context.
        await EndTargetAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the target, once, waiting for it at most <see cref="StopGrace"/>: the screen must not outlast q by more,
    /// and a target that does not answer (stopped) never holds the exit; what TuiProf launched and is still running
    /// then is ended by its watchdog when TuiProf exits.
    /// </summary>
    private Task EndTargetAsync() => _targetEnded ??=
        _profiler.DisposeAsync().AsTask().WaitAsync(StopGrace).ContinueWith(_ => { }, TaskScheduler.Default);

    private void Render(Core.Rendering.CellGrid grid)
    {
        _control.ShowOutcomes();
        var frame = FrameBuilder.Build(_profiler, _view, _scenarios, _unicode);
        using (frame.Window) DashboardRenderer.Draw(frame, grid);
    }
}
