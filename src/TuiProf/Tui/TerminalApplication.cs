using System.Reflection;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace TuiProf.Tui;

/// <summary>
/// The Terminal.Gui application TuiProf runs in: the ANSI driver with <see cref="WaitingAnsiInput"/> in place of
/// its 20 ms input polling, which was half of an idle screen's CPU (an empty view drawn 10 times a second: 2.3 % of a
/// core with the stock input, 1.2 % with this one), and <see cref="FrameOutput"/>, a write a frame. Terminal.Gui 2.5 takes a driver's parts only through its
/// application's internal constructor; where that is not to be had (another Terminal.Gui), the stock application.
/// </summary>
public static class TerminalApplication
{
    /// <summary>
    /// A new application whose input wakes <paramref name="pacer"/> when a key comes; <paramref name="waitingInput"/>
    /// says whether it got the waiting input (the stock one is read at the next frame).
    /// </summary>
    public static IApplication Create(MainLoopPacer pacer, out bool waitingInput)
    {
        var withFactory = typeof(Application).Assembly.GetType("Terminal.Gui.App.ApplicationImpl")?
            .GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, [typeof(IComponentFactory)]);
        waitingInput = OperatingSystem.IsLinux() && withFactory is not null;
        return waitingInput ? (IApplication)withFactory!.Invoke([new WaitingAnsiFactory(pacer.Wake)]) : Application.Create();
    }

    private sealed class WaitingAnsiFactory(Action onInput) : AnsiComponentFactory(null!, new FrameOutput(), null!)
    {
        public override IInput<char> CreateInput() => new WaitingAnsiInput(onInput);
    }
}
