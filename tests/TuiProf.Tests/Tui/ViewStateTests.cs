using TuiProf.Live;

namespace TuiProf.Tests.Tui;

public class ViewStateTests
{
    [Theory]
    [InlineData(0.3, 5)]     // the first window starts at 0
    [InlineData(5.0, 5)]
    [InlineData(5.01, 6.25)] // a quarter of 5 s further
    [InlineData(6.25, 6.25)]
    [InlineData(7.4, 7.5)]
    public void The_live_window_moves_on_a_quarter_of_its_span_at_a_time(double now, double end) =>
        Assert.Equal(end, new ViewState().LiveEnd(now), precision: 9);

    [Fact]
    public void Between_two_moves_the_live_window_stays_put_so_only_its_newest_columns_change()
    {
        var view = new ViewState();
        var ends = Enumerable.Range(0, 12).Select(i => view.End(10.0 + i * 0.1)).Distinct().ToList();
        Assert.Equal([10.0, 11.25], ends);
    }

    [Fact]
    public void Pausing_keeps_the_window_where_it_is()
    {
        var view = new ViewState();
        var live = view.End(7.4);
        view.TogglePause(7.4);
        Assert.Equal(live, view.End(9.0));
    }

    [Fact]
    public void Scrolling_forward_stops_at_the_live_window_and_back_at_the_first_one()
    {
        var view = new ViewState();
        view.Scroll(+1, 7.4);
        Assert.Equal(view.LiveEnd(7.4), view.PausedAt);
        for (var i = 0; i < 10; i++) view.Scroll(-1, 7.4);
        Assert.Equal(view.Span, view.PausedAt);
    }
}
