using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProf.Tui;

namespace TuiProf.Benchmarks;

/// <summary>
/// Terminal.Gui's own floor, the bench targets <c>terminal-floor</c> and <c>terminal-floor-tuiprof</c>: an empty
/// full-screen view drawn 10 times a second (TuiProf's most), that draws nothing and clears nothing, so only the
/// library's loop, input and layout-and-draw pass cost anything. The first runs Terminal.Gui as it comes (input
/// polled every 20 ms, 25 iterations a second); the second as TuiProf runs it (<see cref="TerminalApplication"/>,
/// <see cref="MainLoopPacer"/>: an iteration a frame, input read on arrival). q quits, as the tools do.
/// </summary>
public static class TerminalFloor
{
    public static int Run(bool asTuiProf)
    {
        using var pacer = new MainLoopPacer(ScreenHost.FramePeriod);
        using var app = asTuiProf ? TerminalApplication.Create(pacer, out _) : Application.Create();
        app.Init();
        using var top = new Runnable();
        var view = new EmptyView { Width = Dim.Fill(), Height = Dim.Fill() };
        top.Add(view);
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key.AsRune.Value == 'q') app.RequestStop();
        };
        if (asTuiProf) pacer.Pace(app, view.SetNeedsDraw);
        else
            app.AddTimeout(ScreenHost.FramePeriod, () =>
            {
                view.SetNeedsDraw();
                return true;
            });
        app.Run(top);
        return 0;
    }

    private sealed class EmptyView : View
    {
        protected override bool OnClearingViewport() => true;
        protected override bool OnDrawingContent(DrawContext? context) => true;
    }
}
