using TuiProf.Tui;
using Xunit;

namespace TuiProf.Tests.Tui;

public sealed class TerminalApplicationTests
{
    /// <summary>
    /// The waiting input reaches Terminal.Gui through an internal constructor: a Terminal.Gui without it still runs
    /// TuiProf, with the stock 20 ms polling, and this test is what says so.
    /// </summary>
    [Fact]
    public void The_TUI_gets_Terminal_Gui_with_the_input_that_waits_for_keys()
    {
        using var pacer = new MainLoopPacer(ScreenHost.FramePeriod);
        using var app = TerminalApplication.Create(pacer, out var waitingInput);

        Assert.True(waitingInput, "Terminal.Gui no longer takes a component factory: the TUI polls its input every 20 ms again");
    }
}
