using System.Diagnostics.Tracing;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Sources;
using TuiProf.Core.Targets;
using TuiProf.Targets;

namespace TuiProf.Benchmarks;

/// <summary>
/// What allocation sampling costs the target in CPU time: .NET 10's randomized sampling (what <c>--allocations</c>
/// asks for), GCAllocationTick without stacks (its fallback before .NET 10), with stacks (what an EventPipe session
/// gets unless it asks otherwise), and with stacks resolved to call sites (AllocationSiteSession).
/// </summary>
public static class AllocationStackFigures
{

    public static async Task<IEnumerable<Row>> MeasureAsync(int rounds = 5)
    {
        var modes = new List<(string Name, Func<DiagnosticsClient, int, Task<IAsyncDisposable?>> Attach)>
        {
            ("alone", (_, _) => Task.FromResult<IAsyncDisposable?>(null)),
            ("AllocationSampled (randomized), no stacks", (c, _) => Drain(c, new AllocationSampling(null).Providers, stacks: false)),
            ("GCAllocationTick, no stacks", (c, _) => Drain(c, new AllocationTicks(null).Providers, stacks: false)),
            ("GCAllocationTick with stacks", (c, _) => Drain(c, new AllocationTicks(null).Providers, stacks: true)),
            ("call sites (stacks + names, AllocationSiteSession)", async (c, pid) =>
                await AllocationSiteSession.StartAsync(LocalRuntime.Endpoint(c, pid), DateTime.UtcNow, _ => { })),
        };
        var cpu = await RotatedModes.RunAsync(modes.Select(m => (Func<Task<double>>)(() => RunAsync(m.Attach))).ToList(), rounds);
        var alone = Stats.Median(cpu[0]);
        return modes.Skip(1).Select((mode, index) => new Row($"target CPU, {mode.Name} ({rounds} rotated runs)",
            $"{Stats.Median(cpu[index + 1]) / alone:0.00}x ({Stats.Median(cpu[index + 1]):0} vs {alone:0} ms)", "-", null)).ToList();
    }

    private static async Task<double> RunAsync(Func<DiagnosticsClient, int, Task<IAsyncDisposable?>> attach)
    {
        var run = Cli.Wrap(DotNetHost.Path).WithArguments([Tools.Self, "target", "work-cpu"]).ExecuteBufferedAsync();
        while (!DiagnosticSocket.IsPublished(run.ProcessId)) await Task.Delay(20);
        var session = await attach(new DiagnosticsClient(run.ProcessId), run.ProcessId); // within the target's first second
        var output = (await run).StandardOutput;
        if (session is not null) await session.DisposeAsync();
        return double.Parse(output.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A session of a source's providers whose events are parsed and dropped.</summary>
    private static async Task<IAsyncDisposable?> Drain(DiagnosticsClient client, IReadOnlyList<EventPipeProvider> providers, bool stacks)
    {
        var session = await client.StartEventPipeSessionAsync(new EventPipeSessionConfiguration(providers, 64, 0, stacks), CancellationToken.None);
        var reading = Task.Run(() =>
        {
            try { new EventPipeEventSource(session.EventStream).Process(); }
            catch (Exception) { /* the target has exited */ }
        });
        return new Draining(session, reading);
    }

    private sealed class Draining(EventPipeSession session, Task reading) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(3)).ContinueWith(_ => { });
            session.Dispose();
        }
    }
}
