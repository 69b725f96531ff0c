using TuiProf.Core.Diagnostics;
using TuiProf.Core.Sources;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

public class BracketAssemblerTests
{
    [Fact]
    public void A_nested_activity_is_one_row_deeper_than_its_open_parent()
    {
        var events = new List<TimelineEvent>();
        var brackets = new BracketAssembler(events.Add);

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

        new BracketAssembler(events.Add).Stop(-2, 1, "old", "Startup", 9);

        Assert.Equal(new Bracket(-2, 1, "old", "Startup", 0, 9), Assert.Single(events));
    }
}
