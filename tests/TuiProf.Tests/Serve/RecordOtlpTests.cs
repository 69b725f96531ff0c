using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Serve;

/// <summary><c>tuiprof record --otlp</c>: a recording's calls and GCs go to the collector too, all sent by the time it ends.</summary>
public class RecordOtlpTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_recorded_scenario_s_calls_arrive_as_spans_and_its_metrics_by_name_when_the_recording_ends()
    {
        using var collector = new OtlpReceiver();

        var outcome = await TuiProfCli.RunAsync("record", "baseline", "-o", TuiProfCli.TempFile("baseline.jsonl"),
            "--otlp", collector.Url, "--otlp-protocol", "http/protobuf");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(3, collector.Spans.Count(s => s.Name == "RandomNumberAverage"));
        Assert.Contains(collector.Spans, s => s.Name == "GC");
        Assert.Contains("dotnet.gc.collections", collector.MetricNames);
    }
}
