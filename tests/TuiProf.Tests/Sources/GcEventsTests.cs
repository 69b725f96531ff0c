using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Sources;
using TuiProf.Tests.Heap;
using Xunit;

namespace TuiProf.Tests.Sources;

public sealed class GcEventsTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_heap_before_a_gc_read_in_place_is_what_TraceEvent_reads_from_a_real_runtime()
    {
        await using var churn = new RunningScenario("churn");
        var client = await HeapTarget.ClientAsync(churn.ProcessId);
        using var session = client.StartEventPipeSession(
            new EventPipeProvider(GcEvents.RuntimeProvider, EventLevel.Informational, GcEvents.GcKeyword), requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var compared = new List<(long InPlace, long Copied)>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCPerHeapHistory += e =>
        {
            if (compared.Count < 50) compared.Add((GcEvents.SizeBefore(e), GcEvents.SizeBeforeCopied(e)));
            else enough.TrySetResult();
        };
        var reading = Task.Run(source.Process);
        await enough.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Stopped from here, not from the reader's callback: the runtime may wait for the reader to drain the stream
        // before it answers the stop, and a reader waiting for that answer drains nothing (it timed out under load).
        await session.StopAsync(CancellationToken.None);
        await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(compared.Count >= 50, $"{compared.Count} GCPerHeapHistory events");
        Assert.All(compared, c => Assert.Equal(c.Copied, c.InPlace));
        Assert.Contains(compared, c => c.InPlace > 0);
    }
}
