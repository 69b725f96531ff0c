using System.Text.Json;
using TuiProf.Core.Heap;
using TuiProf.Core.Timeline;
using TuiProf.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Faults;
using TuiProf.Tests.Targets;

namespace TuiProf.Tests.Heap;

/// <summary><c>record --snapshot-when</c>: a heap snapshot when memory crosses a line, at most once per cool-down.</summary>
public sealed class SnapshotTriggerTests : TargetTest
{
    [Theory]
    [InlineData("heap>2GB", "heap", 2_000_000_000, 0)]
    [InlineData("rss > 1.5gb", "rss", 1_500_000_000, 0)]
    [InlineData("heap>512KB", "heap", 512_000, 0)]
    [InlineData("gen2-growth>50MB/10min", "gen2-growth", 50_000_000, 600)]
    [InlineData("gen2-growth>1GB/2h", "gen2-growth", 1_000_000_000, 7200)]
    public void A_condition_reads_as_written(string text, string measure, long bytes, int windowSeconds)
    {
        var trigger = SnapshotTrigger.Parse(text);

        Assert.Equal((measure, bytes, windowSeconds == 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(windowSeconds)),
            (trigger.Measure, trigger.Bytes, trigger.Window));
    }

    [Fact]
    public void Gen2_growth_holds_when_the_heap_after_gen2_gcs_grew_by_the_size_within_the_window_and_not_from_older_ones()
    {
        var trigger = SnapshotTrigger.Parse("gen2-growth>50MB/10min");
        GcEvent Gen2(double minute, long heapAfter, int generation = 2) =>
            new(minute * 60, 1, generation, "AllocLarge", "NonConcurrentGC", 1, 1, null, heapAfter);

        Assert.Null(trigger.HeldBy(Gen2(0, 100_000_000)));
        Assert.Null(trigger.HeldBy(Gen2(5, 900_000_000, generation: 0))); // a gen-0 GC says nothing of what is kept
        Assert.Null(trigger.HeldBy(Gen2(5, 140_000_000)));
        Assert.Equal(60_000_000, trigger.HeldBy(Gen2(9, 160_000_000)));
        // Twelve minutes on, the first reading has left the window: growth is counted from the one at minute 5.
        Assert.Null(trigger.HeldBy(Gen2(12, 170_000_000)));
    }

    [Fact]
    public void A_reading_above_the_size_holds_the_condition_and_one_at_it_does_not()
    {
        var trigger = SnapshotTrigger.Parse("heap>20MB");

        Assert.Equal(20_000_001, trigger.HeldBy(new MemorySample(1, Heap: 20_000_001)));
        Assert.Null(trigger.HeldBy(new MemorySample(1, Heap: 20_000_000)));
        Assert.Null(trigger.HeldBy(new MemorySample(1, Rss: 90_000_000))); // not the measure asked for
    }

    [Fact(Timeout = 60_000)]
    public async Task On_leak_a_snapshot_is_taken_at_the_reading_that_crosses_the_line_and_not_again_within_the_cool_down()
    {
        var file = OutFile("triggered.jsonl");

        var run = await RecordAsync("leak", "--loop", "--snapshot-when", "heap>20MB", "--snapshot-cooldown", "60", "--duration", "4", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        var crossing = recording.OfType("sample").First(s => s.TryGetProperty("heap", out var heap) && heap.GetInt64() > 20_000_000);
        var notices = recording.OfType("notice").Select(n => (T: n.GetProperty("t").GetDouble(), Text: n.GetProperty("text").GetString()!)).ToList();
        var taking = Assert.Single(notices, n => n.Text.EndsWith("taking it"));
        Assert.Equal(crossing.GetProperty("t").GetDouble(), taking.T); // at the reading itself: within one counter interval
        Assert.Contains(notices, n => n.Text.StartsWith("heap snapshot 1: ") && n.Text.EndsWith("triggered.jsonl.heap-1.json"));
        Assert.False(File.Exists(file + ".heap-2.json"), "a second snapshot within the cool-down");
        using var snapshot = JsonDocument.Parse(File.ReadAllText(file + ".heap-1.json"));
        Assert.Equal("heap>20MB", snapshot.RootElement.GetProperty("trigger").GetString());
        Assert.Equal("System.EventHandler", snapshot.RootElement.GetProperty("snapshot").GetProperty("handlers")[0].GetProperty("delegateType").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task On_leak_a_growth_condition_takes_its_snapshot_at_the_gen2_gc_whose_heap_after_grew_past_the_size()
    {
        var file = OutFile("grown.jsonl");

        var run = await RecordAsync("leak", "--loop", "--snapshot-when", "gen2-growth>30MB/1min", "--duration", "6", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        var gen2 = recording.OfType("gc").Where(g => g.GetProperty("gen").GetInt32() == 2 && g.TryGetProperty("heapAfter", out _))
            .Select(g => (T: g.GetProperty("t").GetDouble(), After: g.GetProperty("heapAfter").GetInt64())).ToList();
        var crossing = gen2.First(g => g.After - gen2[0].After > 30_000_000);
        var taking = Assert.Single(recording.OfType("notice"), n => n.GetProperty("text").GetString()!.EndsWith("taking it"));
        Assert.Equal(crossing.T, taking.GetProperty("t").GetDouble());
        Assert.True(File.Exists(file + ".heap-1.json"));
    }

    [Fact(Timeout = 90_000)]
    public async Task A_snapshot_under_way_when_the_recording_is_stopped_is_said_not_finished_rather_than_left_taking()
    {
        var file = OutFile("interrupted.jsonl");
        // Three million objects: a dump of seconds, longer than the second a signal leaves it.
        await using var record = new RunningTuiProf("record", "--snapshot-when", "heap>1MB", "--out", file, "--",
            DotNetHost.Path, RunningHeapTarget.Assembly, "3000000", "16");
        await Signals.WaitForLineAsync(file, l => l.Contains("taking it"), TimeSpan.FromSeconds(60));

        var (exitCode, _) = await record.StopWithAsync("INT", TimeSpan.FromSeconds(10));

        Assert.Equal(0, exitCode);
        var said = RecordedFile.Read(file).OfType("notice").Select(n => n.GetProperty("text").GetString()!)
            .Where(t => t.StartsWith("heap snapshot 1", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, said.Count);
        Assert.EndsWith("taking it", said[0]);
        Assert.Equal("heap snapshot 1 not taken: not finished when the recording ended", said[1]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_snapshot_the_host_cannot_afford_is_skipped_with_a_notice_saying_why()
    {
        var file = OutFile("unaffordable.jsonl");

        var run = await RecordAsync("leak", "--snapshot-when", "heap>1MB", "--snapshot-min-free", "1000000GB", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var skipped = Assert.Single(RecordedFile.Read(file).OfType("notice"), n => n.GetProperty("text").GetString()!.Contains("skipped"));
        Assert.Contains("available, the snapshot may need 1000000.00 GB", skipped.GetProperty("text").GetString());
        Assert.False(File.Exists(file + ".heap-1.json"));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("'cpu' is not a measure a snapshot can wait for", "--snapshot-when", "cpu>2GB")]
    [InlineData("'>2' is not a size", "--snapshot-when", "heap>>2")]
    [InlineData("'lots' is not a size", "--snapshot-when", "heap>1GB", "--snapshot-min-free", "lots")]
    [InlineData("--snapshot-min-free needs --snapshot-when", "--snapshot-min-free", "1GB")]
    [InlineData("gen2-growth needs a window", "--snapshot-when", "gen2-growth>50MB")]
    [InlineData("'heap' is a level and takes no window", "--snapshot-when", "heap>50MB/10min")]
    [InlineData("'10y' is not a window", "--snapshot-when", "gen2-growth>50MB/10y")]
    public async Task A_condition_that_cannot_be_read_gives_one_line_and_exit_code_2_before_anything_starts(string message, params string[] options)
    {
        var result = await TuiProfCli.RunAsync(["record", "leak", "--out", OutFile("never.jsonl"), .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(File.Exists(OutFile("never.jsonl")));
    }
}
