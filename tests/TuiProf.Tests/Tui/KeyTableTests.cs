using Terminal.Gui.Input;
using TuiProf.Live;
using TuiProf.Screen;
using TuiProf.Tui;

namespace TuiProf.Tests.Tui;

public class KeyTableTests
{
    [Theory]
    [InlineData("F1", UserAction.ToggleHelp)]
    [InlineData("h", UserAction.ToggleHelp)]
    [InlineData("F10", UserAction.Quit)]
    [InlineData("Ctrl-C", UserAction.Quit)]
    [InlineData("Esc", UserAction.Close)]
    [InlineData("Home", UserAction.ScrollToStart)]
    [InlineData("End", UserAction.GoLive)]
    [InlineData("7", UserAction.SelectScenario)]
    public void A_terminal_key_finds_its_row_by_name(string name, UserAction action)
    {
        Key key = name switch
        {
            "F1" => Key.F1, "F10" => Key.F10, "Ctrl-C" => Key.C.WithCtrl, "Esc" => Key.Esc, "Home" => Key.Home, "End" => Key.End,
            _ => new Key(name[0]),
        };

        Assert.Equal(name, KeyNames.Of(key));
        Assert.Equal(action, KeyTable.Dashboard.Find(name)?.Action);
    }

    [Fact]
    public void Esc_is_never_quit()
    {
        Assert.NotEqual(UserAction.Quit, KeyTable.Dashboard.Find("Esc")?.Action);
        Assert.DoesNotContain("Esc", KeyTable.Dashboard.Rows.Single(r => r.Action == UserAction.Quit).Keys);
    }

    [Fact]
    public void Zooming_in_goes_down_to_half_a_second_and_out_to_a_day()
    {
        var view = new ViewState();
        Assert.Equal(5, view.Span);

        for (var i = 0; i < 10; i++) view.ZoomIn();
        Assert.Equal(0.5, view.Span);
        for (var i = 0; i < 20; i++) view.ZoomOut();
        Assert.Equal(86_400, view.Span);
    }
}
