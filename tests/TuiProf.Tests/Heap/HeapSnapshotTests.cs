using System.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Targets;
using TuiProf.Tests.Faults;

namespace TuiProf.Tests.Heap;

public class HeapSnapshotTests
{
    /// <summary>Far beyond leak's run of 2 s and its pause of 1 s.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 60_000)]
    public async Task On_leak_the_diff_of_two_snapshots_puts_the_leaking_buffers_on_top_growing_2_MB_each()
    {
        await using var leak = new RunningScenario("leak");
        var snapshotter = new HeapSnapshotter(await HeapTarget.RuntimeAsync(leak.ProcessId));
        // Each snapshot in the second's pause after a run's line: past start-up, whose own small buffers die later,
        // and 20 buffers apart, with no GC.Collect() of leak's own under way.
        await leak.WaitForLineAsync(1, RunLimit);

        var before = await snapshotter.TakeAsync();
        await leak.WaitForLineAsync(2, RunLimit);
        var after = await snapshotter.TakeAsync();
        var diff = HeapDiff.Between(before, after);

        var top = diff.Types[0];
        Assert.Equal("System.Byte[]", top.Name);
        // Whole 2 MB buffers (2 000 000 bytes and a 24-byte header), give or take the runtime's own small arrays.
        const long buffer = 2_000_024;
        var buffers = (long)Math.Round((double)top.BytesDelta / buffer);
        Assert.True(buffers >= 3, $"grew by {top.BytesDelta:N0} bytes");
        Assert.InRange(top.BytesDelta - buffers * buffer, -200_000, 200_000);
        Assert.Null(after.Incomplete);
        Assert.True(after.Cost.GcNumber > before.Cost.GcNumber);
    }

    [Fact(Timeout = 60_000)]
    public async Task On_leak_the_buffers_are_kept_by_the_static_event_through_the_closure_that_captures_them()
    {
        await using var leak = new RunningScenario("leak");
        var snapshotter = new HeapSnapshotter(await HeapTarget.RuntimeAsync(leak.ProcessId));
        await leak.WaitForLineAsync(1, RunLimit); // a run's buffers are on the heap

        var report = (await snapshotter.TakeAsync()).PathsTo("System.Byte[]");

        Assert.NotNull(report);
        var path = report.Paths[0];
        Assert.Equal(RootKind.StaticField, path.Root.Kind);
        Assert.Contains("ConfigurationChanged", path.Root.Name);
        Assert.Equal("System.Byte[]", path.Hops[^1].TypeName);
        Assert.Contains("DisplayClass", path.Hops[^2].TypeName); // the lambda's closure, holding the buffer
        Assert.Contains(path.Hops, h => h.TypeName == "System.EventHandler");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_second_snapshot_asked_for_while_one_is_running_is_refused_in_one_line()
    {
        await using var leak = new RunningScenario("leak");
        var snapshotter = new HeapSnapshotter(await HeapTarget.RuntimeAsync(leak.ProcessId));

        var first = snapshotter.TakeAsync();
        var second = await Assert.ThrowsAsync<ProfilerException>(() => snapshotter.TakeAsync());

        Assert.Contains("already", second.Message);
        Assert.DoesNotContain('\n', second.Message);
        Assert.True((await first).ObjectCount > 0);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stopped_target_gives_a_clear_error_within_a_few_seconds_and_no_snapshot()
    {
        await using var leak = new RunningScenario("leak");
        var snapshotter = new HeapSnapshotter(await HeapTarget.RuntimeAsync(leak.ProcessId));
        await Signals.SendAsync(leak.ProcessId, "STOP");
        try
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<ProfilerException>(() => snapshotter.TakeAsync());
            Assert.Contains("did not answer", error.Message);
            Assert.True(clock.Elapsed < HeapSnapshotter.StallTimeout * 2, $"took {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            await Signals.SendAsync(leak.ProcessId, "CONT");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_heap_over_the_object_limit_gives_a_snapshot_marked_incomplete_not_a_crash()
    {
        // A target that runs no GC of its own while the dump's GC is awaited (leak's GC.Collect() could be taken for it).
        await using var target = await RunningHeapTarget.StartAsync(10_000, 8);
        var snapshotter = new HeapSnapshotter(await HeapTarget.RuntimeAsync(target.ProcessId), new HeapLimits(MaxObjects: 1_000));

        var snapshot = await snapshotter.TakeAsync();

        Assert.Equal(1_000, snapshot.ObjectCount);
        Assert.Contains("cut at 1,000 objects", snapshot.Incomplete);
    }
}
