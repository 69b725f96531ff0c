using System.Threading.Channels;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Diagnostics;

/// <summary>
/// One profiled target: an EventPipe session (GC events, counters, activities) and an RSS sampler, merged into one
/// stream of timeline events. Launched targets are killed on dispose; attached ones are only detached from.
/// </summary>
public sealed class ProfilingSession : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(1);
    private readonly Channel<TimelineEvent> _events = Channel.CreateUnbounded<TimelineEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly TargetProcess? _process;
    private EventPipeSession? _session;
    private Task _parse = Task.CompletedTask;
    private Task _completion = Task.CompletedTask;
    private int _disposed;

    private ProfilingSession(int pid, DateTime originUtc, string description, TargetProcess? process)
    {
        ProcessId = pid;
        OriginUtc = originUtc;
        Description = description;
        _process = process;
    }

    public int ProcessId { get; }

    /// <summary>Time zero of every event: when the target was launched, or when we attached.</summary>
    public DateTime OriginUtc { get; }

    public string Description { get; }

    /// <summary>Every event, in arrival order; completes after the target exits (ending with <see cref="TargetExited"/>) or on dispose.</summary>
    public ChannelReader<TimelineEvent> Events => _events.Reader;

    /// <summary>Completes when the stream has ended and every event is in <see cref="Events"/>.</summary>
    public Task Completion => _completion;

    public double Now => (DateTime.UtcNow - OriginUtc).TotalSeconds;

    public static async Task<ProfilingSession> LaunchAsync(TargetCommand command, SessionOptions options,
        CancellationToken cancellation = default)
    {
        var origin = DateTime.UtcNow;
        Channel<OutputLine> early = Channel.CreateUnbounded<OutputLine>();
        ProfilingSession? self = null;
        var (process, pid) = await TargetProcess.StartAsync(command, (text, isError) =>
        {
            var line = new OutputLine((DateTime.UtcNow - origin).TotalSeconds, text, isError);
            if (self is null) early.Writer.TryWrite(line);
            else self.Emit(line);
        });
        self = new ProfilingSession(pid, origin, command.DisplayName, process);
        while (early.Reader.TryRead(out var line)) self.Emit(line);
        try
        {
            await self.StartAsync(options, resume: true, cancellation);
        }
        catch (ProfilerException e)
        {
            // A target that died at once: its exit event may still be on its way; wait for it a moment.
            if (await Task.WhenAny(process.Exited, Task.Delay(ExitGrace, CancellationToken.None)) == process.Exited &&
                process.Exited.IsCompletedSuccessfully)
                throw new ProfilerException($"'{command.DisplayName}' exited with code {process.Exited.Result} " +
                                            $"before its .NET runtime answered{self.LastError()}", e);
            await process.KillAsync();
            throw;
        }
        catch
        {
            await process.KillAsync();
            throw;
        }
        return self;
    }

    public static async Task<ProfilingSession> AttachAsync(int pid, SessionOptions options,
        CancellationToken cancellation = default)
    {
        if (pid <= 0 || !ProcessInfo.IsAlive(pid))
            throw new ProfilerException($"process {pid} is not running");
        // A running process either has its socket already or never will: no point waiting.
        if (!Microsoft.Diagnostics.NETCore.Client.DiagnosticsClient.GetPublishedProcesses().Contains(pid))
            throw new ProfilerException(DiagnosticPort.NoEndpoint(pid, "") + ", or it belongs to another user");
        var self = new ProfilingSession(pid, DateTime.UtcNow, $"pid {pid}", process: null);
        await self.StartAsync(options, resume: false, cancellation);
        return self;
    }

    /// <summary>
    /// Makes the target run a full blocking GC now, from outside: a second, short session enabling GCHeapCollect.
    /// The GC arrives in <see cref="Events"/> with reason Induced.
    /// </summary>
    public async Task ForceCollectAsync(CancellationToken cancellation = default)
    {
        // A stopped or hung runtime never answers the IPC call: give up rather than wait forever.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(DrainTimeout);
        try
        {
            var client = new DiagnosticsClient(ProcessId);
            using var session = await client.StartEventPipeSessionAsync(RuntimeProviders.ForceCollect(),
                requestRundown: false, circularBufferMB: 1, limit.Token);
            var drain = session.EventStream.CopyToAsync(Stream.Null, limit.Token);
            await session.StopAsync(limit.Token);
            await drain.WaitAsync(DrainTimeout, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new ProfilerException($"process {ProcessId} did not answer within {DrainTimeout.TotalSeconds:0} s " +
                                        "(stopped, or hung outside the runtime?): no GC was forced");
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException
                                      or ServerErrorException or EndOfStreamException)
        {
            throw new ProfilerException($"cannot force a GC in process {ProcessId}: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        try
        {
            // Stopping the session first makes the runtime flush what it still holds, so nothing is lost.
            if (_session is not null) await _session.StopAsync(CancellationToken.None).WaitAsync(DrainTimeout);
        }
        catch (Exception) { /* the target may already be gone; there is nothing left to flush then */ }
        await QuietlyAsync(_parse);
        if (_process is not null) await _process.KillAsync();
        await QuietlyAsync(_completion);
        _session?.Dispose();
        _events.Writer.TryComplete();
    }

    private async Task StartAsync(SessionOptions options, bool resume, CancellationToken cancellation)
    {
        var (client, session) = await DiagnosticPort.StartSessionAsync(ProcessId,
            RuntimeProviders.Session(options), options.ConnectTimeout, cancellation);
        _session = session;
        if (resume) client.ResumeRuntime();
        _parse = Task.Factory.StartNew(() => Parse(session), TaskCreationOptions.LongRunning);
        var rss = options.SamplePeriod is { } period
            ? RssSampler.RunAsync(ProcessId, () => Now, period, Emit, _stop.Token)
            : Task.CompletedTask;
        _completion = FinishAsync(rss);
    }

    private void Parse(EventPipeSession session)
    {
        try
        {
            using var source = new EventPipeEventSource(session.EventStream);
            _ = new RuntimeEventParser(source, OriginUtc, Emit);
            source.Process();
        }
        catch (Exception e) // a torn stream must not take the profiler down; say so and end this stream
        {
            if (!_stop.IsCancellationRequested && !TargetEnded()) // a dead target's stream just ends
                Emit(new Notice(Now, $"event stream ended: {e.Message}"));
        }
    }

    private async Task FinishAsync(Task rss)
    {
        int? exitCode = null;
        if (_process is not null)
        {
            try { exitCode = await _process.Exited; }
            catch (ProfilerException) { }
        }
        await QuietlyAsync(_parse);
        await rss;
        if (!_stop.IsCancellationRequested && (_process is not null || !ProcessInfo.IsAlive(ProcessId)))
            Emit(new TargetExited(Now, exitCode));
        _events.Writer.TryComplete();
    }

    /// <summary>Whether the target is gone; a launched one's exit is reported a moment after its stream breaks.</summary>
    private bool TargetEnded() =>
        _process is not null
            ? Task.WhenAny(_process.Exited, Task.Delay(ExitGrace)).Result == _process.Exited
            : !ProcessInfo.IsAlive(ProcessId);

    /// <summary>The target's last stderr line so far, as a suffix for an error message.</summary>
    private string LastError()
    {
        string? last = null;
        while (_events.Reader.TryRead(out var e))
            if (e is OutputLine { IsError: true, Text.Length: > 0 } line) last = line.Text;
        return last is null ? "" : $": {last}";
    }

    /// <summary>Waits for a task to end, at most <see cref="DrainTimeout"/>, whatever its outcome.</summary>
    private static Task QuietlyAsync(Task task) =>
        task.WaitAsync(DrainTimeout).ContinueWith(_ => { }, TaskScheduler.Default);

    private void Emit(TimelineEvent e) => _events.Writer.TryWrite(e);
}
