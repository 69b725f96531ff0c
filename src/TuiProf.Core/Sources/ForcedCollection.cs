using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Targets;

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

    public static async Task RunAsync(RuntimeEndpoint runtime, CancellationToken cancellation = default)
    {
        try
        {
            await RuntimeCall.AskAsync(runtime, token => RuntimeCall.ShortSessionAsync(runtime, new EventPipeSessionConfiguration(
                    [new EventPipeProvider(GcEvents.RuntimeProvider, EventLevel.Informational, GcHeapCollectKeyword)],
                    circularBufferSizeMB: 1, rundownKeyword: 0, requestStackwalk: false), token),
                cancellation, Limit, "no GC was forced");
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException
                                      or ServerErrorException or EndOfStreamException)
        {
            throw new ProfilerException($"cannot force a GC in {runtime.Label}: {e.Message}", e);
        }
    }
}
