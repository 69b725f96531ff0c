using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Heap;

/// <summary>
/// Allocation call sites, live: its own EventPipe session with GCAllocationTick and a stack for each sample, the
/// stacks resolved to method names by TraceEvent's live TraceLog (a rundown session at the start names methods
/// compiled before we came; the JIT and loader events name those compiled after).
/// </summary>
public sealed class AllocationSiteSource : IAsyncDisposable
{
    /// <summary>Frames kept per sample: the allocating method and its callers.</summary>
    public const int KeptFrames = 4;

    private readonly EventPipeSession _session;
    private readonly Task _reading;

    private AllocationSiteSource(EventPipeSession session, Task reading)
    {
        _session = session;
        _reading = reading;
    }

    /// <summary>
    /// GC at Verbose (GCAllocationTick), with Loader and JIT so methods compiled later get names; Stacks on.
    /// </summary>
    public static EventPipeSessionConfiguration Session() => new(
        [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose,
            (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.Jit))],
        circularBufferSizeMB: 64, rundownKeyword: 0, requestStackwalk: true);

    public static async Task<AllocationSiteSource> StartAsync(DiagnosticsClient client, DateTime originUtc,
        Action<TimelineEvent> emit, CancellationToken cancellation = default)
    {
        EventPipeSession session;
        try
        {
            session = await client.StartEventPipeSessionAsync(Session(), cancellation);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException
                                      or ServerErrorException or EndOfStreamException)
        {
            throw new ProfilerException($"cannot sample allocation stacks: {e.Message}", e);
        }
        var reading = Task.Factory.StartNew(() => Read(session, client, originUtc, emit), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return new AllocationSiteSource(session, reading);
    }

    private static void Read(EventPipeSession session, DiagnosticsClient client, DateTime originUtc, Action<TimelineEvent> emit)
    {
        try
        {
            using var source = TraceLog.CreateFromEventPipeSession(session, TraceLog.EventPipeRundownConfiguration.Enable(client));
            source.Clr.GCAllocationTick += e => emit(new AllocationSite(
                (e.TimeStamp.ToUniversalTime() - originUtc).TotalSeconds, e.TypeName, e.AllocationAmount64, Frames(e)));
            source.Process();
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
        {
            // The target went away or the session was stopped: the stream just ends.
        }
    }

    /// <summary>The managed methods on the sample's stack, innermost first, without their parameter lists.</summary>
    private static IReadOnlyList<string> Frames(TraceEvent e)
    {
        var frames = new List<string>(KeptFrames);
        for (var frame = e.CallStack(); frame is not null && frames.Count < KeptFrames; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name)) continue; // the runtime's own allocation helpers
            var parameters = name.IndexOf('(');
            frames.Add(parameters > 0 ? name[..parameters] : name);
        }
        return frames;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (Exception) { /* the target may be gone; its stream has ended then */ }
        await _reading.WaitAsync(TimeSpan.FromSeconds(3)).ContinueWith(_ => { }, TaskScheduler.Default);
        _session.Dispose();
    }
}
