using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Sources;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Diagnostics;

/// <summary>
/// What is read from one runtime: an EventPipe session enabling its sources' providers, parsed on a thread of its
/// own, and the RSS of its process when it is a process of this machine. Every event is tagged with the process.
/// </summary>
internal sealed class RuntimeSession
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<TimelineEvent> _emit;
    private readonly SourceClock _clock;
    private EventPipeSession? _session;
    private Task _parse = Task.CompletedTask;
    private Task _rss = Task.CompletedTask;
    private AllocationSiteSession? _sites;

    private RuntimeSession(RuntimeEndpoint runtime, SourceClock clock, Action<TimelineEvent> emit)
    {
        Runtime = runtime;
        _clock = clock;
        _emit = runtime.LocalPid is { } pid ? e => emit(e with { Pid = pid }) : emit;
    }

    public RuntimeEndpoint Runtime { get; }

    /// <summary>The runtime's activities that have started and not yet stopped.</summary>
    public OpenSpans OpenSpans { get; } = new();

    /// <summary>Completes when the runtime's event stream has ended (it exited, or the session was stopped).</summary>
    public Task StreamEnded => _parse;

    public static async Task<RuntimeSession> StartAsync(RuntimeEndpoint runtime, SessionOptions options, SourceClock clock,
        Action<TimelineEvent> emit, Func<bool> targetEnded, CancellationToken cancellation)
    {
        var self = new RuntimeSession(runtime, clock, emit);
        var sources = options.Sources(hasLocalProcess: runtime.LocalPid is not null, self.OpenSpans);
        try
        {
            try { self._session = await StartSessionAsync(runtime, ProviderSet.Merge(sources.SelectMany(s => s.Providers)), cancellation); }
            catch (UnsupportedCommandException)
            {
                // A runtime before .NET 10 cannot be told which event IDs: it sends every event its keywords enable.
                // Nor has it randomized allocation sampling: its allocations are the 100 KB ticks.
                sources = options.Sources(hasLocalProcess: runtime.LocalPid is not null, self.OpenSpans, randomizedSampling: false);
                self._session = await StartSessionAsync(runtime, ProviderSet.WithoutEventFilters(ProviderSet.Merge(sources.SelectMany(s => s.Providers))), cancellation);
                if (options.Allocations)
                    self._emit(new Notice(0, $"{runtime.Label} is older than .NET 10: allocations are its 100 KB ticks, biased, with no bound per call"));
            }
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or ServerErrorException or TimeoutException or EndOfStreamException)
        {
            throw new ProfilerException($"cannot start a session in {runtime.Label}: {e.Message}", e);
        }
        var session = self._session;
        if (options.CallSites)
        {
            // Call sites need stack walks and a TraceLog to name the methods: a session of their own, for now.
            try { self._sites = await AllocationSiteSession.StartAsync(runtime, clock.OriginUtc, self._emit, cancellation); }
            catch (ProfilerException e) { self._emit(new Notice(0, e.Message)); }
        }
        self._parse = Task.Factory.StartNew(() => self.Parse(session, sources, targetEnded), TaskCreationOptions.LongRunning);
        if (runtime.LocalPid is { } pid && options.SamplePeriod is { } period)
            self._rss = RssSampler.RunAsync(pid, () => clock.Now, period, self._emit, self._stop.Token);
        else if (runtime.LocalPid is null && options.SamplePeriod is not null)
            self._emit(new Notice(0, $"{runtime.Name} is not a process of this machine: no RSS from /proc; " +
                                     "the memory line is the working set the runtime reports"));
        return self;
    }

    // No stack walks: EventPipe takes one per event unless told not to, and no source here reads them (with
    // --allocations the target walked a stack every ~100 KB it allocated, for nothing).
    private static Task<EventPipeSession> StartSessionAsync(RuntimeEndpoint runtime, IReadOnlyList<EventPipeProvider> providers,
        CancellationToken cancellation) =>
        RuntimeCall.AskAsync(runtime, token => runtime.Client.StartEventPipeSessionAsync(new EventPipeSessionConfiguration(
            providers, 64, requestRundown: false, requestStackwalk: false), token), cancellation);

    /// <summary>
    /// Stops the session, letting the runtime flush what it still holds, and waits for the stream to end. A runtime
    /// that does not answer (stopped) has its stream closed at once: what it holds comes only when it continues.
    /// </summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_sites is not null) await _sites.DisposeAsync();
        if (_session is not null) await RuntimeCall.EndAsync(Runtime, _session, _parse);
        await QuietlyAsync(_parse);
        await QuietlyAsync(_rss);
    }

    /// <summary>Waits for the stream's last events and the RSS sampler after the runtime has gone.</summary>
    public Task DrainAsync() => Task.WhenAll(QuietlyAsync(_parse), QuietlyAsync(_rss));

    private void Parse(EventPipeSession session, IReadOnlyList<IRuntimeSource> sources, Func<bool> targetEnded)
    {
        try
        {
            using var events = new EventPipeEventSource(session.EventStream);
            foreach (var source in sources) source.Subscribe(events, _clock, _emit);
            events.Process();
        }
        catch (Exception e) // a torn stream must not take the profiler down; say so and end this stream
        {
            if (!_stop.IsCancellationRequested && !targetEnded()) // a dead target's stream just ends
                _emit(new Notice(_clock.Now, $"event stream of {Runtime.Label} ended: {e.Message}"));
        }
    }

    /// <summary>Waits for a task to end, at most <see cref="DrainTimeout"/>, whatever its outcome.</summary>
    private static Task QuietlyAsync(Task task) =>
        task.WaitAsync(DrainTimeout).ContinueWith(_ => { }, TaskScheduler.Default);
}
