using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Diagnostics;

namespace TuiProf.Core.Sources;

/// <summary>
/// An on-demand command: makes the runtime run one full blocking GC now, from outside, as dotnet-gcdump does, by
/// a second short session that enables only GCHeapCollect. The GC arrives in the main stream with reason Induced.
/// It must never be part of the long-lived session, or every session start would collect.
/// </summary>
public static class ForcedCollection
{
    private const long GcHeapCollectKeyword = 0x800000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(DiagnosticsClient client, string target, CancellationToken cancellation = default)
    {
        // A stopped or hung runtime never answers the IPC call: give up rather than wait forever.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(Limit);
        try
        {
            using var session = await client.StartEventPipeSessionAsync(
                [new EventPipeProvider(GcEvents.RuntimeProvider, EventLevel.Informational, GcHeapCollectKeyword)],
                requestRundown: false, circularBufferMB: 1, limit.Token);
            var drain = session.EventStream.CopyToAsync(Stream.Null, limit.Token);
            await session.StopAsync(limit.Token);
            await drain.WaitAsync(Limit, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new ProfilerException($"{target} did not answer within {Limit.TotalSeconds:0} s " +
                                        "(stopped, or hung outside the runtime?): no GC was forced");
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException
                                      or ServerErrorException or EndOfStreamException)
        {
            throw new ProfilerException($"cannot force a GC in {target}: {e.Message}", e);
        }
    }
}
