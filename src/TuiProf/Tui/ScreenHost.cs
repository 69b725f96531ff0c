using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProf.Targets;

namespace TuiProf.Tui;

/// <summary>
/// Runs a screen on the terminal: a frame every 100 ms, keys to the screen, signals to a clean exit. On exit what
/// the screen started is ended (waited for at most <see cref="StopGrace"/>), then the terminal restored.
/// </summary>
public static class ScreenHost
{
    public static readonly TimeSpan FramePeriod = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private const string DisableMouseTracking = "\e[?1003l\e[?1002l\e[?1000l\e[?1006l";

    private const string ClearHome = "\e[2J\e[H";

    /// <param name="stop">A signal: quit as q does.</param>
    /// <param name="headless">The command that does the screen's work without a terminal, for the error without one.</param>
    public static async Task RunAsync(IScreen screen, CancellationToken stop, string headless = "tuiprof record")
    {
        EnsureTerminal(headless);
        var ended = new Lazy<Task>(() => screen.EndAsync().WaitAsync(StopGrace).ContinueWith(_ => { }, TaskScheduler.Default));
        try
        {
            await ShowAsync(screen, ended, stop); // the keys' modes, which Terminal.Gui leaves on, are Program's to restore
        }
        finally
        {
            await ended.Value; // done already, unless the terminal failed first
        }
    }

    /// <summary>
    /// A usage error without a terminal on stdin and stdout: the screen would wait for keys that never come and write
    /// its escape codes into a file. Said before anything else about the target.
    /// </summary>
    public static void EnsureTerminal(string headless = "tuiprof record")
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
            throw new UsageException($"needs a terminal on stdin and stdout; for headless use '{headless}'");
    }

    /// <summary>Runs the screen on this thread until q or a signal; returns once its targets have ended and the terminal is restored.</summary>
    private static async Task ShowAsync(IScreen screen, Lazy<Task> ended, CancellationToken stop)
    {
        using var pacer = new MainLoopPacer(FramePeriod);
        using var app = TerminalApplication.Create(pacer, out _);
        app.Init();
        app.Driver!.Force16Colors = true; // 24-bit colour is not a given over SSH or on a console
        app.Driver.WriteRaw(DisableMouseTracking); // keep the terminal's own text selection working

        var view = new DashboardView(screen.Render, new Palette(color: string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))));
        using var top = new Runnable();
        top.Border.Settings &= ~BorderSettings.TerminalTitle; // it wrote an empty title over the terminal's, never restored
        top.Add(view);
        app.Keyboard.KeyDown += (_, key) =>
        {
            key.Handled = screen.Press(KeyNames.Of(key), app.RequestStop);
            if (key.Handled) view.Refresh(); // what the key did shows now, not at the next frame
        };
        // The frame is rendered at the start of an iteration, so the same iteration draws it: a timeout would run
        // after the iteration's draw and be drawn one iteration later. No timer of its own wakes the process.
        pacer.Pace(app, view.Refresh);
        screen.DrawSoonWith(pacer.FrameSoon);
        // A new size is polled once an iteration: a resize wakes the loop so the frame follows the window at once.
        using var resized = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => pacer.Wake());
        // A signal stops through the UI loop, so the terminal is restored and the targets ended; if the terminal has
        // gone (an SSH connection dropped), restoring it never returns, and StopSignals ends the process regardless.
        using var signalled = stop.Register(() => pacer.Invoke(app, app.RequestStop));
        app.Run(top);
        // An empty alternate screen with the cursor home: tmux, leaving it for a window enlarged since it was entered,
        // shrinks it to the old size first and keeps the rows pushed off the top, which then reappear over the prompt.
        app.Driver.WriteRaw(ClearHome);
        // The targets go first: restoring a terminal that has gone away (app.Dispose) can hang. Awaited, not waited
        // for on the UI thread: what follows (the restoring) needs nothing of the loop that has ended, nor its context.
        await ended.Value.ConfigureAwait(false);
    }
}
