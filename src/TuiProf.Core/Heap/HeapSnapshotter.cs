using System.Diagnostics;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
using TuiProf.Core.Targets;

namespace TuiProf.Core.Heap;

/// <summary>
/// Takes heap snapshots of one runtime through its <see cref="DiagnosticsClient"/> (a PID's socket or a diagnostic
/// port alike): an EventPipe session that makes the runtime run a full GC and describe every live object during it.
/// One snapshot at a time; a target that dies or stops answering mid-dump gives an error, never a partial snapshot.
/// </summary>
public sealed class HeapSnapshotter(RuntimeEndpoint runtime, HeapLimits? limits = null)
{
    /// <summary>How long the dump may go without a single event before it is given up.</summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(5);

    private readonly HeapLimits _limits = limits ?? HeapLimits.Default;
    private int _busy;
    private DumpReader? _current;

    /// <summary>Objects read so far by the snapshot under way (0 when none is): progress for a status line.</summary>
    public int ObjectsRead => _current?.Builder.ObjectCount ?? 0;

    public async Task<HeapSnapshot> TakeAsync(CancellationToken cancellation = default)
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1)
            throw new ProfilerException("a heap snapshot is already being taken; wait for it to finish");
        try
        {
            return await TakeOnceAsync(cancellation);
        }
        finally
        {
            _current = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    private async Task<HeapSnapshot> TakeOnceAsync(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var taken = DateTime.UtcNow;
        EventPipeSession session;
        try
        {
            session = await RuntimeCall.AskAsync(runtime, async token =>
            {
                await RuntimeCall.ShortSessionAsync(runtime, HeapDumpProviders.TypeTableFlush(), token);
                return await runtime.Client.StartEventPipeSessionAsync(HeapDumpProviders.Session(), token);
            }, cancellation, StallTimeout, Abandoned);
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException
                                      or ServerErrorException or EndOfStreamException)
        {
            throw new ProfilerException($"cannot take a heap snapshot: {e.Message}", e);
        }

        try
        {
            var dump = _current = new DumpReader(runtime, session, _limits);
            var read = Task.Factory.StartNew(dump.Read, CancellationToken.None, TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            while (!read.IsCompleted)
            {
                await Task.WhenAny(read, Task.Delay(200, CancellationToken.None));
                if (cancellation.IsCancellationRequested || dump.SinceLastEvent > StallTimeout)
                {
                    await dump.AbandonAsync();
                    await read.WaitAsync(StallTimeout, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
                    cancellation.ThrowIfCancellationRequested();
                    throw RuntimeCall.Unanswered(runtime, StallTimeout, Abandoned);
                }
            }
            var dumpSeconds = clock.Elapsed.TotalSeconds;
            if (!dump.Complete)
                throw new ProfilerException("the target's event stream ended before its heap dump did (did it exit?): no snapshot");

            clock.Restart();
            var graph = dump.Builder.Build();
            // The builder's buffers (a third of the peak) are garbage now; give them back before the analysis
            // allocates its own arrays, rather than whenever the large-object heap next fills.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            if (runtime.LocalPid is { } pid) graph.Name(TargetMetadata.Read(pid, graph.StaticFields, dump.Builder.BareTypes.Values.ToHashSet()), dump.Builder.BareTypes);
            var (idom, retained) = TypeTable.Retained(graph);
            var types = TypeTable.Compute(graph, idom, retained);
            var handlers = HandlerGroup.Find(graph, retained);
            var cost = new SnapshotCost(dump.GcNumber, dump.PauseMs, dumpSeconds, clock.Elapsed.TotalSeconds);
            return new HeapSnapshot(taken, graph.ObjectCount, graph.TotalBytes, types, cost,
                dump.Builder.Truncated ?? (dump.EventsLost > 0 ? $"{dump.EventsLost:N0} events lost" : null))
            {
                Graph = graph,
                Handlers = handlers,
            };
        }
        finally
        {
            await RuntimeCall.EndAsync(runtime, session);
        }
    }

    private const string Abandoned = "heap snapshot abandoned";

    /// <summary>Reads one dump session on its own thread and says when the dump's GC is over.</summary>
    private sealed class DumpReader(RuntimeEndpoint runtime, EventPipeSession session, HeapLimits limits)
    {
        private readonly Stopwatch _sinceEvent = Stopwatch.StartNew();
        private EventPipeEventSource? _source;
        private double _suspendedAt = double.NaN;
        private double _dumpSuspendedAt = double.NaN;
        private int _candidate = -1;
        private int _objectsAtCandidate;
        private bool _gcOver;
        private int _stopping;

        public HeapGraphBuilder Builder { get; } = new(limits);
        public bool Complete { get; private set; }
        public int GcNumber { get; private set; }
        public double PauseMs { get; private set; }
        public long EventsLost { get; private set; }
        public TimeSpan SinceLastEvent { get { lock (_sinceEvent) return _sinceEvent.Elapsed; } }

        public void Read()
        {
            try
            {
                using var source = _source = new EventPipeEventSource(session.EventStream);
                source.AllEvents += _ => { lock (_sinceEvent) _sinceEvent.Restart(); };
                source.Clr.TypeBulkType += Builder.OnTypes;
                source.Clr.GCBulkNode += Builder.OnObjects;
                source.Clr.GCBulkEdge += Builder.OnReferences;
                source.Clr.GCBulkRootEdge += Builder.OnRoots;
                source.Clr.GCBulkRootStaticVar += Builder.OnStatics;
                source.Clr.GCBulkRootConditionalWeakTableElementEdge += Builder.OnDependentHandles;
                source.Clr.GCSuspendEEStart += e => _suspendedAt = e.TimeStampRelativeMSec;
                source.Clr.GCStart += OnGcStart;
                source.Clr.GCStop += OnGcStop;
                source.Clr.GCRestartEEStop += OnRestarted;
                source.Process();
                EventsLost = source.EventsLost;
            }
            catch (Exception) when (Volatile.Read(ref _stopping) == 1 || !Complete)
            {
                // A stream cut by Abandon or by the target's death: Complete says whether the dump got through.
            }
        }

        /// <summary>Stops reading now: the target is not answering, so its session may never close properly.</summary>
        public async Task AbandonAsync()
        {
            Volatile.Write(ref _stopping, 1);
            _source?.StopProcessing();
            await RuntimeCall.EndAsync(runtime, session); // closes the stream under the reader
        }

        // The dump's GC is the induced full blocking one during which objects arrive; a GC.Collect() of the
        // target's own that happens first has none and is passed over.
        private void OnGcStart(GCStartTraceData e)
        {
            if (_candidate >= 0 || e.Depth != 2 || e.Type == GCType.BackgroundGC || e.Reason != GCReason.Induced) return;
            _candidate = e.Count;
            _objectsAtCandidate = Builder.ObjectCount;
            _dumpSuspendedAt = _suspendedAt;
        }

        private void OnGcStop(GCEndTraceData e)
        {
            if (e.Count != _candidate) return;
            if (Builder.ObjectCount == _objectsAtCandidate)
            {
                _candidate = -1;
                return;
            }
            GcNumber = e.Count;
            _gcOver = true;
        }

        private void OnRestarted(GCNoUserDataTraceData e)
        {
            if (!_gcOver || Complete) return;
            PauseMs = double.IsNaN(_dumpSuspendedAt) ? 0 : e.TimeStampRelativeMSec - _dumpSuspendedAt;
            Complete = true;
            // Stopping makes the runtime flush and end the stream, which ends Process().
            Task.Run(async () =>
            {
                if (!await RuntimeCall.StopAsync(runtime, session)) await AbandonAsync();
            });
        }
    }
}
