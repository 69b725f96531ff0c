using System.Diagnostics;
using CliWrap;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Sources;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Sources;

public class RssSamplerTests
{
    [Fact]
    public void A_live_process_has_a_positive_rss() =>
        Assert.True(RssSampler.Read(Environment.ProcessId) > 0);

    [Fact]
    public async Task The_sampler_reads_its_open_statm_afresh_each_time_so_growth_shows()
    {
        var samples = new List<long>();
        using var stop = new CancellationTokenSource();
        var sampler = RssSampler.RunAsync(Environment.ProcessId, () => 0, TimeSpan.FromMilliseconds(5),
            e => { lock (samples) samples.Add(((Core.Timeline.MemorySample)e).Rss!.Value); }, stop.Token);
        while (Count() == 0) await Task.Yield();
        var grown = new byte[64 << 20];
        Array.Fill(grown, (byte)1); // touched, so resident
        var first = samples[0];
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(5) && Last() - first < 48 << 20;)
            await Task.Delay(5);
        await stop.CancelAsync();
        await sampler;
        GC.KeepAlive(grown);
        Assert.InRange(Last() - first, 48 << 20, long.MaxValue);

        int Count() { lock (samples) return samples.Count; }
        long Last() { lock (samples) return samples[^1]; }
    }

    [Fact]
    public async Task Samples_are_handed_on_a_few_at_a_time_and_none_is_dropped_at_the_end()
    {
        var reads = 0;
        var handed = new List<(double T, long At)>();
        using var stop = new CancellationTokenSource();
        // The clock counts the reads: every sample taken must come out, in order, the last ones too.
        var sampler = RssSampler.RunAsync(Environment.ProcessId, () => Interlocked.Increment(ref reads), TimeSpan.FromMilliseconds(20),
            e => { lock (handed) handed.Add((e.T, Stopwatch.GetTimestamp())); }, stop.Token);
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref reads) < 40) await Task.Delay(10);
        await stop.CancelAsync();
        await sampler;
        var seconds = clock.Elapsed.TotalSeconds;

        Assert.Equal(Enumerable.Range(1, reads).Select(n => (double)n), handed.Select(h => h.T));
        // A hand-over is a run of samples emitted together (less than a period apart); one a period woke the reader
        // 50 times a second at this 20 ms period.
        var handOvers = 1 + handed.Zip(handed.Skip(1)).Count(p => Stopwatch.GetElapsedTime(p.First.At, p.Second.At) > TimeSpan.FromMilliseconds(5));
        Assert.InRange(handOvers, 1, 10 * seconds + 4); // and the first two, and the last few at the end
    }

    [Fact(Timeout = 60_000)]
    public async Task A_process_that_has_exited_but_is_not_yet_reaped_reads_as_gone_not_as_zero_bytes()
    {
        // The backgrounded 'true' becomes a child of the exec'd sleep, which never reaps it: a zombie, whose
        // statm reads all zeros, as a target's does for a moment while it exits.
        await using var parent = RunningProcess.Start(Cli.Wrap("sh").WithArguments(["-c", "true & exec sleep 10"]), TimeSpan.FromSeconds(30));
        var zombie = await ZombieChildOfAsync(parent.ProcessId);
        Assert.Equal("0 0 0 0 0 0 0", File.ReadAllText($"/proc/{zombie}/statm").Trim());
        Assert.Null(RssSampler.Read(zombie));
    }

    private static async Task<int> ZombieChildOfAsync(int pid)
    {
        for (var tries = 0; tries < 200; tries++)
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var child in children.Select(int.Parse))
                if (File.ReadAllText($"/proc/{child}/stat").Split(") ")[1].StartsWith('Z')) return child;
            await Task.Delay(10);
        }
        throw new TimeoutException($"process {pid} had no zombie child within 2 s");
    }
}
