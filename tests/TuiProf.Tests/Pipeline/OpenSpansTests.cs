using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Pipeline;

public class OpenSpansTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_call_is_among_its_runtimes_open_spans_while_it_runs_and_gone_once_its_bracket_arrives()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        await using var session = await Recorder.StartAsync("baseline", loop: true, timeout.Token);
        var open = session.OpenSpansOf();
        Assert.NotNull(open);

        // A call lasts 0.3 to 0.5 s, so most are still running when their start is read; the runs repeat.
        BracketStarted? running = null;
        await foreach (var e in session.Events.ReadAllAsync(timeout.Token))
        {
            if (e is BracketStarted started && running is null && open.Find(started.Id) is not null) running = started;
            if (e is Bracket bracket && bracket.Id == running?.Id)
            {
                Assert.Null(open.Find(bracket.Id));
                return;
            }
        }
        Assert.Fail("the event stream ended before a running call's bracket");
    }
}
