using System.Text.Json;
using TuiProf.Core.Fleet;
using TuiProf.Core.Heap;
using TuiProf.Top;

namespace TuiProf.Tests.Fleet;

/// <summary><c>top --snapshot-when</c>: the condition on each watched process's own readings, on real processes.</summary>
[Collection(nameof(HostWide))]
public sealed class TopSnapshotsTests
{
    [Fact(Timeout = 90_000)]
    public async Task A_leak_whose_heap_crosses_the_line_is_snapshotted_once_into_its_own_file_and_a_process_below_it_not_at_all()
    {
        var directory = new DirectoryInfo(TestTemp.Directory("top-snapshots-"));
        var snapshots = new TopSnapshots(new SnapshotRule("heap>30MB", TimeSpan.FromMinutes(5), null), directory);
        await using var leak = new RunningScenario("leak");
        await using var churn = new RunningScenario("churn"); // its heap stays under a megabyte
        var watch = new HostWatch(new HostWatchOptions([leak.ProcessId, churn.ProcessId], [], HostWatchOptions.LightSession, snapshots.Observe));
        var said = new List<string>();
        try
        {
            watch.Start();
            var file = Path.Join(directory.FullName, $"TuiProf.Scenarios-{leak.ProcessId}.heap-1.json");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!File.Exists(file) || said.All(s => !s.Contains("heap snapshot", StringComparison.Ordinal) || !s.Contains("->")))
            {
                Assert.True(DateTime.UtcNow < deadline, $"no snapshot of leak; said: {string.Join(" | ", said)}");
                if (snapshots.LatestNotice() is { } notice) said.Add(notice);
                await Task.Delay(100);
            }
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            Assert.Equal(leak.ProcessId, json.RootElement.GetProperty("pid").GetInt32());
            Assert.True(json.RootElement.GetProperty("reading").GetInt64() > 30_000_000);
            Assert.Contains(said, s => s.StartsWith($"TuiProf.Scenarios (pid {leak.ProcessId}): ", StringComparison.Ordinal));
        }
        finally
        {
            await watch.DisposeAsync();
            await snapshots.FinishAsync();
        }
        Assert.Equal([$"TuiProf.Scenarios-{leak.ProcessId}.heap-1.json"], directory.GetFiles().Select(f => f.Name)); // once: the cool-down
    }
}
