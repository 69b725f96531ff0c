using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiProf.Benchmarks;

/// <summary>
/// Terminal.Gui's own floor, the bench target <c>terminal-floor</c>: an empty full-screen view drawn 10 times a
/// second (TuiProf's most), that draws nothing and clears nothing, so only the library's loop, input polling and
/// layout-and-draw pass cost anything. q quits, as the tools do.
/// </summary>
public static class TerminalFloor
{
    public static int Run()
    {
        using var app = Application.Create();
        app.Init();
        using var top = new Runnable();
        var view = new EmptyView { Width = Dim.Fill(), Height = Dim.Fill() };
        top.Add(view);
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key.AsRune.Value == 'q') app.RequestStop();
        };
        app.AddTimeout(TimeSpan.FromMilliseconds(100), () =>
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
