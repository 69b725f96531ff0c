using TuiProf.Core.Sources;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

public class BracketAssemblerTests
{
    [Fact]
    public void A_nested_activity_is_one_row_deeper_than_its_open_parent()
    {
        var events = new List<TimelineEvent>();
        var brackets = new BracketAssembler(events.Add, new OpenSpans());

        brackets.Start(1, "outer", null, "Request", 5);
        brackets.Start(2, "inner", "outer", "Query", 5);
        brackets.Stop(2, 3, "inner", "Query", 5);
        brackets.Stop(1, 4, "outer", "Request", 5);

        Assert.Equal(
            [new Bracket(2, 3, "inner", "Query", 1, 5), new Bracket(1, 4, "outer", "Request", 0, 5)],
            events.OfType<Bracket>());
        Assert.Equal(2, events.OfType<BracketStarted>().Count());
    }

    [Fact]
    public void An_activity_that_started_before_we_attached_still_gets_its_whole_span()
    {
        var events = new List<TimelineEvent>();

        new BracketAssembler(events.Add, new OpenSpans()).Stop(-2, 1, "old", "Startup", 9);

        Assert.Equal(new Bracket(-2, 1, "old", "Startup", 0, 9), Assert.Single(events));
    }

    [Fact]
    public void An_activity_is_open_from_its_start_to_its_stop_and_no_more_than_the_bound_are_kept()
    {
        var events = new List<TimelineEvent>();
        var open = new OpenSpans();
        var brackets = new BracketAssembler(events.Add, open);

        brackets.Start(1, "call", null, "Request", 5);
        Assert.Equal(new BracketStarted(1, "call", "Request", 0, 5), Assert.Single(open.All()));
        brackets.Stop(1, 2, "call", "Request", 5);
        Assert.Empty(open.All());

        for (var i = 0; i <= OpenSpans.Capacity; i++) brackets.Start(3, $"never stopped {i}", null, "Leak", 5);
        Assert.Equal(OpenSpans.Capacity, open.All().Count);
        Assert.Equal(1 + OpenSpans.Capacity, events.OfType<BracketStarted>().Count()); // the one past the bound is not announced
    }
}
