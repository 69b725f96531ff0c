using TuiProf.Commands;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.CommandLine;

public class RecordingCountsTests
{
    [Fact]
    public void Under_dotnet_run_the_summary_gives_the_hosts_and_the_apps_figures_apart_each_named_by_what_it_runs()
    {
        var counts = new RecordingCounts(targetPid: 100);
        counts.Add(new ProcessStarted(0, 100, 1, "dotnet", "dotnet run", Followed: true) { Pid = 100 });
        counts.Add(new ProcessStarted(2, 120, 100, "csc", "csc.dll", Followed: false) { Pid = 120 });
        counts.Add(new ProcessStarted(4, 130, 100, "dotnet", "dotnet /src/App/bin/Debug/net10.0/App.dll", Followed: true) { Pid = 130 });
        foreach (var t in new[] { 0.0, 1, 2 }) counts.Add(new MemorySample(t, Rss: 1) { Pid = 100 });
        counts.Add(Gc(1) with { Pid = 100 });
        foreach (var t in new[] { 4.0, 4.5 }) counts.Add(new MemorySample(t, Rss: 1) { Pid = 130 });
        for (var n = 1; n <= 3; n++) counts.Add(Gc(n) with { Pid = 130 });
        counts.Add(new Bracket(4, 4.2, "a", "Work", 0, 1) { Pid = 130 });

        Assert.Equal(
            """
            recorded 5.0 s of 2 .NET processes -> out.jsonl
              dotnet run 100: 3 RSS samples (1.0/s), 1 GCs, 0 brackets
              App 130: 2 RSS samples (2.0/s), 3 GCs, 1 brackets
            """.ReplaceLineEndings("\n"), string.Join('\n', counts.Summary(5, "out.jsonl")));
        Assert.Equal("recorded 5.0 s of 2 .NET processes: 4 GCs, 1 brackets in all", counts.Progress(5));
    }

    [Fact]
    public void One_process_is_summed_up_in_one_line_whether_its_events_name_it_or_not()
    {
        var counts = new RecordingCounts(targetPid: 7);
        counts.Add(new MemorySample(0, Rss: 1));
        counts.Add(new MemorySample(0.04, Rss: 1) { Pid = 7 });
        counts.Add(Gc(1));

        Assert.Equal(["recorded 1.0 s: 2 RSS samples (25.0/s), 1 GCs, 0 brackets -> out.jsonl"], counts.Summary(1, "out.jsonl"));
    }

    private static GcEvent Gc(int number) => new(number, number, 0, "AllocSmall", "NonConcurrentGC", 1, 1, null, null);
}
