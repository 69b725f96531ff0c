using System.Collections.Concurrent;
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
    public async Task Three_processes_are_listed_by_name_within_2_s_of_their_socket_and_one_is_dropped_within_2_s_of_its_exit()
    {
        await using var watch = new HostWatch(new HostWatchOptions([], [], HostWatchOptions.LightSession));
        // When the watch lists and drops, seen on its own thread as it happens: the test's own continuations can come
        // late on a loaded machine, and that is no lateness of the watch.
        var seen = new ConcurrentDictionary<int, DateTime>();
        var dropped = new ConcurrentDictionary<int, DateTime>();
        watch.Changed += () =>
        {
            var now = DateTime.UtcNow;
            var listed = watch.Processes.Select(p => p.Pid ?? 0).ToHashSet();
            foreach (var pid in listed) seen.TryAdd(pid, now);
            foreach (var pid in seen.Keys.Where(pid => !listed.Contains(pid))) dropped.TryAdd(pid, now);
        };
        watch.Start();
        await watch.FirstLook; // as top, running when they start
        await using var baseline = new RunningScenario("baseline");
        await using var churn = new RunningScenario("churn");
        var leak = new RunningScenario("leak");
        await using var _ = leak;
        int[] pids = [baseline.ProcessId, churn.ProcessId, leak.ProcessId];

        await WatchWait.UntilAsync(() => pids.All(seen.ContainsKey), TimeSpan.FromSeconds(30), "the three listed");
        // From the moment each could be found, its diagnostics socket's creation, not its exec: a loaded machine
        // starts a runtime slowly, and no watcher can list what has no socket yet.
        foreach (var pid in pids)
        {
            // The newest of its number: a killed process of the same PID may have left its socket behind.
            var created = Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{pid}-*-socket").Max(File.GetLastWriteTimeUtc);
            var late = seen[pid] - created;
            Assert.True(late < Listed, $"pid {pid} listed {late.TotalSeconds:0.0} s after its socket");
        }
        var named = watch.Processes.Where(p => pids.Contains(p.Pid ?? 0)).ToList();
        Assert.All(named, p => Assert.Equal("TuiProf.Scenarios", p.Name));
        Assert.Contains(named, p => p.CommandLine.EndsWith("churn --loop", StringComparison.Ordinal));

        // Read, not only listed: the counters' heap, /proc's RSS, and churn's gen-0 GCs.
        var churned = named.Single(p => p.Pid == churn.ProcessId);
        await WatchWait.UntilAsync(() => churned.Timeline.Stats() is { Heap: > 0, Rss: > 0 } s && s.GcCountByGeneration[0] > 0, TimeSpan.FromSeconds(20),
            "churn's heap, RSS and GCs");
        Assert.True(ProcessSummary.Of(churned.Timeline, churned.Now, 10).GcsPerSecond[0] > 0, "churn's gen-0 GCs per second");

        var killed = DateTime.UtcNow;
        await leak.DisposeAsync(); // killed
        await WatchWait.UntilAsync(() => dropped.ContainsKey(leak.ProcessId), TimeSpan.FromSeconds(30), "leak dropped");
        Assert.True(dropped[leak.ProcessId] - killed < Listed, $"dropped {(dropped[leak.ProcessId] - killed).TotalSeconds:0.0} s after its kill");
        Assert.Contains(watch.Processes, p => p.Pid == baseline.ProcessId);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stopped_process_is_listed_with_why_and_holds_neither_the_others_nor_the_end_of_the_watch()
    {
        await using var stopped = new RunningScenario("baseline");
        await using var running = new RunningScenario("churn");
        await WatchWait.UntilAsync(() => DiagnosticsClient.GetPublishedProcesses().Contains(stopped.ProcessId), TimeSpan.FromSeconds(30), "the socket");
        Process.Start("kill", ["-STOP", stopped.ProcessId.ToString()]).WaitForExit();
        try
        {
            var watch = new HostWatch(new HostWatchOptions([stopped.ProcessId, running.ProcessId], [], HostWatchOptions.LightSession));
            watch.Start();
            await WatchWait.UntilAsync(() => watch.Processes.Any(p => p.Pid == running.ProcessId && p.Timeline.Stats().Heap > 0), TimeSpan.FromSeconds(20),
                "the running one read");
            await WatchWait.UntilAsync(() => watch.Processes.Single(p => p.Pid == stopped.ProcessId).Problem is not null, TimeSpan.FromSeconds(20),
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
}
