using System.Diagnostics;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Pipeline;

public class ForcedCollectionTests
{
    [Fact(Timeout = 120_000)]
    public async Task I_can_force_a_collection_and_see_it_arrive_as_an_induced_gen2_gc_within_a_second()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var session = await Recorder.StartAsync("baseline", loop: true, timeout.Token);
        await Recorder.WaitForAsync<Bracket>(session, _ => true, TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        var asked = session.Now;
        await session.ForceCollectAsync(cancellation: timeout.Token);
        // baseline never calls GC.Collect(), so an induced GC can only be ours.
        var gc = await Recorder.WaitForAsync<GcEvent>(session, g => g.IsInduced && g.T >= asked, TimeSpan.FromSeconds(1));

        Assert.Equal(2, gc.Generation);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_forced_collection_inside_a_no_gc_region_still_runs_and_ends_the_region()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var session = await Recorder.StartAsync("gc-disabled", loop: false, timeout.Token);
        var call = await Recorder.WaitForAsync<BracketStarted>(session, _ => true, TimeSpan.FromSeconds(10));

        await session.ForceCollectAsync(cancellation: timeout.Token);

        var gc = await Recorder.WaitForAsync<GcEvent>(session, g => g.IsInduced && g.T > call.T, TimeSpan.FromSeconds(2));
        Assert.Equal(2, gc.Generation);
        await Recorder.WaitForAsync<OutputLine>(session, l => l.Text.Contains("ended early"), TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = 120_000)]
    public async Task Disposing_a_session_ends_the_launched_target()
    {
        int pid;
        await using (var session = await Recorder.StartAsync("baseline", loop: true, CancellationToken.None))
        {
            pid = session.ProcessId;
            Assert.True(ProcessInfo.IsAlive(pid));
        }
        Assert.False(ProcessInfo.IsAlive(pid), $"process {pid} outlived its session");
    }
}
