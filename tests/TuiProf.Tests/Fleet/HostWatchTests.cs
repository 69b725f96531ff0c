using System.Diagnostics;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Fleet;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Fleet;

/// <summary>The host watch under <c>tuiprof top</c>: real scenario processes appear, are read, and go.</summary>
[Collection(nameof(HostWide))]
public sealed class HostWatchTests
{
    private static readonly TimeSpan Listed = TimeSpan.FromSeconds(2);

    [Fact(Timeout = 60_000)]
    public async Task Three_processes_are_listed_by_name_within_2_s_of_their_socket_read_and_one_is_dropped_within_2_s_of_its_exit()
    {
        var changed = new SemaphoreSlim(0);
        await using var watch = new HostWatch(new HostWatchOptions([], [], HostWatchOptions.LightSession));
        watch.Changed += () => changed.Release();
        watch.Start();
        await using var baseline = new RunningScenario("baseline");
        await using var churn = new RunningScenario("churn");
        var leak = new RunningScenario("leak");
        await using var _ = leak;
        int[] pids = [baseline.ProcessId, churn.ProcessId, leak.ProcessId];

        // From the moment each can be found (its diagnostics socket), not from its exec: a loaded machine starts a
        // runtime slowly, and no watcher can list what has no socket yet.
        await Until(() => pids.All(DiagnosticsClient.GetPublishedProcesses().Contains), TimeSpan.FromSeconds(30), "the three sockets");
        var found = Stopwatch.StartNew();
        await UntilChanged(changed, () => pids.All(pid => watch.Processes.Any(p => p.Pid == pid)), Listed, "the three listed");
        Assert.True(found.Elapsed < Listed, $"listed after {found.Elapsed.TotalSeconds:0.0} s");
        var named = watch.Processes.Where(p => pids.Contains(p.Pid ?? 0)).ToList();
        Assert.All(named, p => Assert.Equal("TuiProf.Scenarios", p.Name));
        Assert.Contains(named, p => p.CommandLine.EndsWith("churn --loop", StringComparison.Ordinal));

        // Read, not only listed: the counters' heap, /proc's RSS, and churn's gen-0 GCs.
        var churned = named.Single(p => p.Pid == churn.ProcessId);
        await Until(() => churned.Timeline.Stats() is { Heap: > 0, Rss: > 0 } s && s.GcCountByGeneration[0] > 0, TimeSpan.FromSeconds(20),
            "churn's heap, RSS and GCs");
        var summary = ProcessSummary.Of(churned.Timeline, churned.Now, 10);
        Assert.True(summary.GcsPerSecond[0] > 0, "churn's gen-0 GCs per second");

        await leak.DisposeAsync(); // killed
        var exited = Stopwatch.StartNew();
        await UntilChanged(changed, () => watch.Processes.All(p => p.Pid != leak.ProcessId), Listed, "leak dropped");
        Assert.True(exited.Elapsed < Listed, $"dropped after {exited.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains(watch.Processes, p => p.Pid == baseline.ProcessId);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stopped_process_is_listed_with_why_and_holds_neither_the_others_nor_the_end_of_the_watch()
    {
        await using var stopped = new RunningScenario("baseline");
        await using var running = new RunningScenario("churn");
        await Until(() => DiagnosticsClient.GetPublishedProcesses().Contains(stopped.ProcessId), TimeSpan.FromSeconds(30), "the socket");
        Process.Start("kill", ["-STOP", stopped.ProcessId.ToString()]).WaitForExit();
        try
        {
            var watch = new HostWatch(new HostWatchOptions([stopped.ProcessId, running.ProcessId], [], HostWatchOptions.LightSession));
            watch.Start();
            await Until(() => watch.Processes.Any(p => p.Pid == running.ProcessId && p.Timeline.Stats().Heap > 0), TimeSpan.FromSeconds(20),
                "the running one read");
            await Until(() => watch.Processes.Single(p => p.Pid == stopped.ProcessId).Problem is not null, TimeSpan.FromSeconds(20),
                "the stopped one's problem");
            var ending = Stopwatch.StartNew();
            await watch.DisposeAsync();
            Assert.True(ending.Elapsed < TimeSpan.FromSeconds(5), $"the watch took {ending.Elapsed.TotalSeconds:0.0} s to end");
        }
        finally
        {
            Process.Start("kill", ["-CONT", stopped.ProcessId.ToString()]).WaitForExit();
        }
    }

    private static async Task UntilChanged(SemaphoreSlim changed, Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within + TimeSpan.FromSeconds(3); // a miss fails on the elapsed time, with its figure
        while (!condition())
            if (!await changed.WaitAsync(deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.Zero))
                throw new TimeoutException($"not seen: {what}");
    }

    // Readings arrive on the watch's own threads: polled, with a deadline.
    private static async Task Until(Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not seen within {within.TotalSeconds:0} s: {what}");
            await Task.Delay(25);
        }
    }
}
