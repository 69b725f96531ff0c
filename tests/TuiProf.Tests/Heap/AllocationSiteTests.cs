using System.Threading.Channels;
using TuiProf.Core.Heap;
using TuiProf.Core.Sources;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Heap;

public class AllocationSiteTests
{
    [Fact(Timeout = 60_000)]
    public async Task On_baseline_the_top_call_site_allocating_Int64_arrays_is_RandomNumberAverage()
    {
        await using var baseline = new RunningScenario("baseline");
        var runtime = await HeapTarget.RuntimeAsync(baseline.ProcessId);
        await baseline.WaitForLineAsync(1, TimeSpan.FromSeconds(30)); // a run is over, the method compiled: the rundown must name it
        var samples = Channel.CreateUnbounded<TimelineEvent>();

        List<AllocationSite> sites = [];
        await using (await AllocationSiteSession.StartAsync(runtime, DateTime.UtcNow, e => samples.Writer.TryWrite(e)))
        {
            // A 24-40 MB array is one large allocation: a sample of Int64[] comes with each call.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (!sites.Any(s => s.TypeName == "System.Int64[]"))
                sites.Add((AllocationSite)await samples.Reader.ReadAsync(timeout.Token));
        }

        var top = AllocationSites.Top(sites.Where(s => s.TypeName == "System.Int64[]"), 1)[0];
        Assert.EndsWith("RandomNumberAverage", top.Site);
        Assert.StartsWith("TuiProf.Scenarios.Experiment", top.Site);
    }
}
