using System.Diagnostics;
using TuiProf.Core.Export;
using TuiProf.Core.Fleet;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Serve;

/// <summary>How a process's brackets and GCs become spans: nested as the calls were, with the GCs during each.</summary>
public class OtlpSpansTests
{
    [Fact]
    public void A_call_inside_another_is_its_child_span_and_counts_the_GCs_that_ran_during_it()
    {
        var ended = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OtlpSpans.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (ended) ended.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        using var spans = new OtlpSpans("box", withCommandLine: false);
        var process = new ExportedProcess("pid 4242", 4242, "Shop.Api", "", () => false, () => 3);

        foreach (var e in new TimelineEvent[]
                 {
                     new BracketStarted(1, "outer", "Request", 0, 7),
                     new BracketStarted(1.1, "inner", "Query", 1, 7),
                     new GcEvent(1.2, 1, 0, "AllocSmall", "NonConcurrentGC", 2, 1, null, null),
                     new Bracket(1.1, 1.5, "inner", "Query", 1, 7),
                     new Bracket(1, 2, "outer", "Request", 0, 7),
                 })
            spans.Observe(process, e);

        List<Activity> mine;
        lock (ended) mine = ended.Where(a => Equals(a.GetTagItem("pid"), "4242")).ToList();
        var request = Assert.Single(mine, a => a.DisplayName == "Request");
        var query = Assert.Single(mine, a => a.DisplayName == "Query");
        var gc = Assert.Single(mine, a => a.DisplayName == "GC");
        Assert.Equal(request.SpanId, query.ParentSpanId);
        Assert.Equal(default, request.ParentSpanId);
        Assert.Equal(1, query.GetTagItem("tuiprof.bracket.gcs"));
        Assert.Equal(1, request.GetTagItem("tuiprof.bracket.gcs"));
        Assert.Equal(0.4, query.Duration.TotalSeconds, 3);
        Assert.Equal("AllocSmall", gc.GetTagItem(ServedMetrics.Reason));
    }
}
