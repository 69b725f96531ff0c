using TuiProf.Live;
using TuiProf.Screen;
using TuiProf.Screen.Panels;

namespace TuiProf.Tests.Screen;

public class PanelListTests
{
    [Fact]
    public void Tab_shows_every_panel_of_the_list_in_its_order_at_its_top_then_the_first_again()
    {
        var view = new ViewState();
        var shown = new List<IPanel>();
        for (var i = 0; i <= PanelList.All.Count; i++)
        {
            shown.Add(view.Panel);
            view.PanelScroll = 2;
            view.NextPanel();
            Assert.Equal(0, view.PanelScroll);
        }

        Assert.Equal([.. PanelList.All, PanelList.All[0]], shown);
    }

    [Fact]
    public void The_help_names_every_panel_in_the_order_tab_shows_them() =>
        Assert.Contains(KeyTable.Dashboard.HelpLines, line => line.Help == "panels: " + string.Join(", ", PanelList.All.Select(p => p.ShortName)));
}
