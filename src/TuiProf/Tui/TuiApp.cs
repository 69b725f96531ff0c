using System.Diagnostics;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;
using TuiProf.Live;
using TuiProf.Scenarios;
using TuiProf.Screen;
using TuiProf.Targets;

namespace TuiProf.Tui;

/// <summary>
/// Wires the live profiler to the terminal: a frame every 100 ms, keys to actions, signals to a clean exit.
/// On exit the terminal is restored first, then the target is ended.
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
    private readonly bool _unicode = TerminalCapabilities.SupportsUnicode;
    private IApplication? _app;
    private ForcedGcProbe? _forcedGc;
    private Task? _targetEnded;

    private TuiApp(SessionOptions options) => _profiler = new LiveProfiler(options);

    /// <param name="stop">A signal: quit as q does.</param>
    public static async Task<int> RunAsync(TargetSpec? target, SessionOptions options, bool ascii, CancellationToken stop)
    {
        // Without a terminal the screen would wait for keys that never come and write its escape codes into a file.
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
            throw new UsageException("needs a terminal on stdin and stdout; for headless use 'tuiprof record'");
        var tui = new TuiApp(options);
        tui._view.Ascii = ascii;
        if (target is TargetSpec.Scenario { Info: var info }) tui._view.Selected = Math.Max(0, tui._scenarios.ToList().IndexOf(info));
        try
        {
            tui.Start(target ?? new TargetSpec.Scenario(tui._scenarios[0], Loop: true));
            tui.RunTerminal(stop);
        }
        finally
        {
            await tui.EndTargetAsync(); // done already, unless the terminal failed first
        }
        return 0;
    }

    private void RunTerminal(CancellationToken stop)
    {
        ShowDashboard(stop);
        Console.Out.Write(NormalKeys);
        Console.Out.Flush();
    }

    private void ShowDashboard(CancellationToken stop)
    {
        using var pacer = new MainLoopPacer(FramePeriod);
        using var app = TerminalApplication.Create(pacer, out _);
        _app = app;
        app.Init();
        app.Driver!.Force16Colors = true; // 24-bit colour is not a given over SSH or on a console
        app.Driver.WriteRaw(DisableMouseTracking); // keep the terminal's own text selection working

        var dashboard = new DashboardView(Render, new Palette(color: string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))));
        using var top = new Runnable();
        top.Border.Settings &= ~BorderSettings.TerminalTitle; // it wrote an empty title over the terminal's, never restored
        top.Add(dashboard);
        app.Keyboard.KeyDown += (_, key) =>
        {
            key.Handled = Handle(key);
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
        // The target goes first: restoring a terminal that has gone away (app.Dispose) can hang.
        EndTargetAsync().Wait();
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
        if (_forcedGc?.Seen(_profiler.Timeline) is { } seen)
        {
            _view.Message = seen;
            _forcedGc = null;
        }
        var frame = FrameBuilder.Build(_profiler, _view, _scenarios, _unicode);
        using (frame.Window) DashboardRenderer.Draw(frame, grid);
    }

    private bool Handle(Key key)
    {
        var name = KeyNames.Of(key);
        var action = KeyTable.Find(name)?.Action ?? UserAction.None;
        if (_view.Question is { } question)
        {
            _view.Question = null;
            // y, or the same key again (q q, 1 1), is a yes; any other key keeps the program running.
            if (action == UserAction.Yes || name == question.Key) question.Yes();
            return true;
        }
        if (_view.Help)
        {
            _view.Help = false;
            if (action != UserAction.Quit) return true;
        }
        if (_view.Picker is { } picker) return HandlePicker(picker, action, name);
        var now = _profiler.Now;
        switch (action)
        {
            case UserAction.SelectScenario when name[0] - '0' <= _scenarios.Count:
                _view.Selected = name[0] - '0' - 1;
                Switch(new TargetSpec.Scenario(_scenarios[_view.Selected], Loop: true), name);
                break;
            case UserAction.MoveUp: _view.Selected = Math.Max(0, _view.Selected - 1); break;
            case UserAction.MoveDown: _view.Selected = Math.Min(_scenarios.Count - 1, _view.Selected + 1); break;
            case UserAction.StartSelected: Switch(new TargetSpec.Scenario(_scenarios[_view.Selected], Loop: true), name); break;
            case UserAction.ForceGc: ForceGc(now); break;
            case UserAction.HeapSnapshot: TakeHeapSnapshot(); break;
            case UserAction.Restart: Restart(name); break;
            case UserAction.TogglePause: _view.TogglePause(now); break;
            case UserAction.ScrollBack: _view.Scroll(-1, now); break;
            case UserAction.ScrollForward: _view.Scroll(+1, now); break;
            case UserAction.ScrollToStart: _view.ScrollToStart(_profiler.Timeline.Oldest, now); break;
            case UserAction.GoLive: _view.PausedAt = null; break;
            case UserAction.ZoomIn: _view.ZoomIn(); break;
            case UserAction.ZoomOut: _view.ZoomOut(); break;
            case UserAction.NextPanel: _view.NextPanel(); break;
            case UserAction.PreviousProcess: _profiler.ShowNext(-1); break;
            case UserAction.NextProcess: _profiler.ShowNext(+1); break;
            case UserAction.ScrollPanel: _view.PanelScroll = Math.Max(0, _view.PanelScroll + (name == "PageUp" ? -1 : 1)); break;
            case UserAction.ToggleAscii: _view.Ascii = !_view.Ascii; break;
            case UserAction.ToggleHelp: _view.Help = true; break;
            case UserAction.OpenPicker:
                _view.Picker = new ProcessPicker(ProcessInfo.Attachable().Where(p => p.Pid != _profiler.ProcessId).ToList());
                break;
            case UserAction.Quit: Quit(name); break;
            case UserAction.Close: _view.Message = "Esc closes the help, lists and questions; q or F10 quits"; break;
            case UserAction.Yes: break; // no question to answer
            default: return false;
        }
        return true;
    }

    /// <summary>While the attach list is open, arrows move in it, Enter attaches, any other key closes it.</summary>
    private bool HandlePicker(ProcessPicker picker, UserAction action, string name)
    {
        switch (action)
        {
            case UserAction.MoveUp: _view.Picker = picker.Move(-1); break;
            case UserAction.MoveDown: _view.Picker = picker.Move(+1); break;
            case UserAction.Quit: Quit(name); break;
            case UserAction.StartSelected when picker.Current is { } process:
                _view.Picker = null;
                Switch(new TargetSpec.Process(process.Pid), name);
                break;
            default: _view.Picker = null; break;
        }
        return true;
    }

    /// <summary>The user's own program, still running: what no key may end or leave without asking.</summary>
    private string? UsersRunningProgram =>
        _profiler.Target is not TargetSpec.Scenario and { } target && _profiler.ProcessId is { } pid && _profiler.Timeline.Exit is null
            ? $"pid {pid} ({target.DisplayName})"
            : null;

    private void Switch(TargetSpec target, string key)
    {
        var what = target is TargetSpec.Process p ? $"attach to pid {p.Pid}" : $"run {target.DisplayName}";
        if (UsersRunningProgram is not { } program) Start(target);
        else if (_profiler.Target is TargetSpec.Process) Ask($"Detach from {program} (it keeps running) and {what}?", key, () => Start(target));
        else Ask($"End {program} and {what}?", key, () => Start(target));
    }

    private void Restart(string key)
    {
        if (_profiler.Target is TargetSpec.Process { Pid: var pid })
            _view.Message = $"attached to pid {pid}: r restarts only what TuiProf launched";
        else if (UsersRunningProgram is { } program) Ask($"End {program} and start it again?", key, () => Start(null));
        else Start(null);
    }

    private void Quit(string key)
    {
        if (UsersRunningProgram is { } program && _profiler.Target is TargetSpec.Command) Ask($"Quit and end {program}?", key, Stop);
        else Stop();
    }

    private void Stop() => _app?.RequestStop();

    private void Ask(string question, string key, Action yes) =>
        _view.Question = new Question(question, key, yes);

    /// <summary>Starts a target in the background (null: the current one again); the screen shows "starting".</summary>
    private void Start(TargetSpec? target)
    {
        _view.Message = null;
        _view.PausedAt = null;
        _forcedGc = null;
        _ = Task.Run(async () =>
        {
            try { await (target is null ? _profiler.RestartAsync() : _profiler.StartAsync(target)); }
            catch (Exception e) { _view.Message = $"could not start: {e.Message}"; } // never take the UI down
        });
    }

    private void ForceGc(double now)
    {
        _forcedGc = new ForcedGcProbe(now, Stopwatch.StartNew());
        _view.Message = "forcing a full GC...";
        _ = Task.Run(async () =>
        {
            if (await _profiler.ForceCollectAsync() is ForcedGcOutcome.Refused refused) _view.Message = refused.Reason;
        });
    }

    /// <summary>A snapshot takes a second or more: the status line counts the objects read meanwhile.</summary>
    private void TakeHeapSnapshot()
    {
        _view.Message = "taking a heap snapshot (a full GC)...";
        var snapshot = Task.Run(_profiler.TakeHeapSnapshotAsync);
        _ = Task.Run(async () =>
        {
            while (await Task.WhenAny(snapshot, Task.Delay(250)) != snapshot)
                if (_profiler.SnapshotProgress > 0) _view.Message = $"taking a heap snapshot: {_profiler.SnapshotProgress:N0} objects read...";
            _view.Message = await snapshot;
        });
    }
}
