using System.Diagnostics;
using System.Text.Json;
using TuiProf.Core.Heap;
using TuiProf.Core.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Faults;

namespace TuiProf.Tests.Heap;

public class LargeHeapTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_snapshot_of_three_million_objects_completes_whole_within_tuiprofs_memory_bound()
    {
        await using var target = await RunningHeapTarget.StartAsync(3_000_000, 40);

        var result = await TuiProfCli.RunAsync("heap", "--pid", target.ProcessId.ToString(), "--format", "json", "--top", "3");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var snapshot = json.RootElement.GetProperty("snapshot");
        var objects = snapshot.GetProperty("objects").GetInt32();
        Assert.InRange(objects, 3_000_000, 3_100_000);
        Assert.False(snapshot.TryGetProperty("incomplete", out _));
        Assert.Equal("Item", snapshot.GetProperty("types")[1].GetProperty("name").GetString());
        // The bound README states: 100 MB and 150 bytes an object of TuiProf's own memory, whatever the heap's size.
        var peak = json.RootElement.GetProperty("tuiprofPeakBytes").GetInt64();
        Assert.True(peak < 100_000_000 + 150L * objects, $"peak {peak / 1_000_000} MB for {objects:N0} objects");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_target_killed_mid_dump_gives_a_clear_error_within_a_few_seconds_and_no_snapshot()
    {
        await using var target = await RunningHeapTarget.StartAsync(3_000_000, 40);

        var clock = Stopwatch.StartNew();
        var snapshot = await DumpUnderWayAsync(target);
        Process.GetProcessById(target.ProcessId).Kill();

        var error = await Assert.ThrowsAsync<ProfilerException>(() => snapshot);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains("no snapshot", error.Message);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_target_stopped_mid_dump_gives_a_clear_error_once_it_is_silent_for_5_s_and_no_snapshot()
    {
        await using var target = await RunningHeapTarget.StartAsync(3_000_000, 40);
        var snapshot = await DumpUnderWayAsync(target);
        await Signals.SendAsync(target.ProcessId, "STOP");
        try
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<ProfilerException>(() => snapshot);

            // The stall deadline, and room for a loaded machine.
            Assert.True(clock.Elapsed < HeapSnapshotter.StallTimeout + TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal($"process {target.ProcessId} did not answer for 5 s: stopped? (kill -CONT {target.ProcessId}); heap snapshot abandoned",
                error.Message);
        }
        finally
        {
            await Signals.SendAsync(target.ProcessId, "CONT");
        }
    }

    /// <summary>A snapshot of 3 M objects under way: it takes seconds, and the first objects have been read.</summary>
    private static async Task<Task<HeapSnapshot>> DumpUnderWayAsync(RunningHeapTarget target)
    {
        var snapshotter = new HeapSnapshotter(await HeapTarget.RuntimeAsync(target.ProcessId));
        var snapshot = snapshotter.TakeAsync();
        while (snapshotter.ObjectsRead == 0 && !snapshot.IsCompleted) await Task.Delay(10);
        return snapshot;
    }
}
