using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// <see cref="AllocationCallSites"/> on an EventPipe session of its own, with stack walks, read through a live
/// TraceLog that resolves the stacks to method names (a rundown session at the start names the methods compiled
/// before we came). Until the composed session reads through TraceLog, this is how call sites are sampled.
/// </summary>
public sealed class AllocationSiteSession : IAsyncDisposable
{
    private readonly RuntimeEndpoint _runtime;
    private readonly EventPipeSession _session;
    private readonly Task _reading;

    private AllocationSiteSession(RuntimeEndpoint runtime, EventPipeSession session, Task reading) =>
        (_runtime, _session, _reading) = (runtime, session, reading);

    /// <param name="runtime">Its PID on this machine, if it has one, names precompiled methods.</param>
    public static async Task<AllocationSiteSession> StartAsync(RuntimeEndpoint runtime, DateTime originUtc,
        Action<TimelineEvent> emit, CancellationToken cancellation = default)
    {
        var source = new AllocationCallSites(runtime.LocalPid);
        EventPipeSession session;
        try
        {
            session = await RuntimeCall.AskAsync(runtime, token => runtime.Client.StartEventPipeSessionAsync(
                new EventPipeSessionConfiguration(source.Providers, circularBufferSizeMB: 64, rundownKeyword: 0,
                    requestStackwalk: true), token), cancellation);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException
                                      or ServerErrorException or EndOfStreamException)
        {
            throw new ProfilerException($"cannot sample allocation stacks: {e.Message}", e);
        }
        var reading = Task.Factory.StartNew(() =>
        {
            try
            {
                using var events = TraceLog.CreateFromEventPipeSession(session, TraceLog.EventPipeRundownConfiguration.Enable(runtime.Client));
                source.Subscribe(events, new SourceClock(originUtc), emit);
                events.Process();
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
            {
                // The target went away or the session was stopped: the stream just ends.
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return new AllocationSiteSession(runtime, session, reading);
    }

    public async ValueTask DisposeAsync() => await RuntimeCall.EndAsync(_runtime, _session, _reading);
}
