using System.Buffers;

namespace TuiProf.Core.Timeline;

/// <summary>
/// The live model of one profiled target: events are applied as they arrive (any thread), windows are read for
/// drawing (any thread). The newest data is kept whole and older data summarised at coarser resolutions, in buffers
/// that grow on demand up to their bounds: a day-long session stays within <see cref="TimelineCapacity.BytesPerProcess"/>,
/// and a quiet process's timeline stays small.
/// </summary>
public sealed partial class Timeline
{
    private readonly object _gate = new();
    private readonly TimelineCapacity _capacity;
    private readonly SeriesHistory _rss, _heap, _heapAfterGcs;
    private readonly GcHistory _gcs;
    private readonly CallHistory _brackets;
    private readonly RingBuffer<OutputLine> _output;
    private readonly AllocationTally _allocations;
    private readonly RingBuffer<AllocationSite> _sites;
    private OpenSpans? _openSpans;
    private readonly Dictionary<string, CounterReading> _counters = [];
    private readonly int[] _gcCounts = new int[3];
    private long? _lastRss, _lastHeap;
    private long _peakRss, _peakHeap;
    private double _totalPauseMs;
    private int _induced;
    private readonly Applying _applying;

    /// <param name="openSpans">The activities its runtime has open, drawn up to now until it exits; none when null.</param>
    public Timeline(TimelineCapacity? capacity = null, OpenSpans? openSpans = null)
    {
        _capacity = capacity ?? TimelineCapacity.Default;
        _openSpans = openSpans;
        _rss = new(_capacity.Samples, _capacity.MemoryLevels, s => s.Rss!.Value);
        _heap = new(_capacity.Samples, _capacity.MemoryLevels, s => s.Heap!.Value);
        // Apart: at hundreds of GCs a second they would push an hour of readings out of the full-rate buffer.
        _heapAfterGcs = new(_capacity.Gcs, _capacity.MemoryLevels, s => s.Heap!.Value);
        _gcs = new(_capacity);
        _brackets = new(_capacity.Brackets, _capacity.CallTallies);
        _output = new(_capacity.OutputLines);
        _allocations = new(_capacity.Allocations);
        _sites = new(_capacity.Allocations);
        _applying = new Applying(this);
    }

    /// <summary>Draws the activities <paramref name="openSpans"/> holds from now on: a session that took over this timeline.</summary>
    public void DrawOpen(OpenSpans openSpans)
    {
        lock (_gate) _openSpans = openSpans;
    }

    /// <summary>The latest time seen in any event: "now" on the target's clock.</summary>
    public double Now { get; private set; }

    public TargetExited? Exit { get; private set; }

    public Notice? LastNotice { get; private set; }

    public void Apply(TimelineEvent e)
    {
        lock (_gate)
        {
            Now = Math.Max(Now, e is Bracket b ? b.End : e.T);
            e.Accept(_applying);
        }
    }

    /// <summary>
    /// The events between two times: those kept whole, and the summaries of older ones. Its lists are rented from the
    /// shared array pool (an hour's samples are a megabyte of references, every frame): dispose the window once drawn.
    /// </summary>
    public TimelineWindow Window(double start, double end)
    {
        lock (_gate)
        {
            var (calls, brackets) = (_brackets.Recent, new List<Bracket>());
            for (var i = calls.LowerBound(b => b.End >= start); i < calls.Count; i++)
                if (calls[i].T <= end) brackets.Add(calls[i]);
            brackets.AddRange((Exit is null ? _openSpans?.All() ?? [] : [])
                .Where(o => o.T <= end)
                .Select(o => o.Until(Now)));
            var (rss, gcs) = (WindowSlice.Of(_rss.Recent, start, end), _gcs.Between(start, end));
            var heap = HeapSeries.Merge(WindowSlice.Of(_heap.Recent, start, end), WindowSlice.Of(_heapAfterGcs.Recent, start, end));
            var (olderRss, counted) = (_rss.Older(start, end), _gcs.Counted(start, end));
            var olderHeap = PooledMerge.Of(_heap.Older(start, end), _heapAfterGcs.Older(start, end), MemoryRange.ByEnd);
            return new TimelineWindow(start, end, rss, heap, gcs, brackets)
            {
                OlderRss = olderRss,
                OlderHeap = olderHeap,
                CountedGcs = counted,
                CallTallies = _brackets.Tallies(start, end),
                Release = () =>
                {
                    ArrayPool<MemorySample>.Shared.Return(rss.Array!, clearArray: true);
                    ArrayPool<MemorySample>.Shared.Return(heap.Array!, clearArray: true);
                    ArrayPool<GcEvent>.Shared.Return(gcs.Array!, clearArray: true);
                    ArrayPool<MemoryRange>.Shared.Return(olderRss.Array!);
                    ArrayPool<MemoryRange>.Shared.Return(olderHeap.Array!);
                    ArrayPool<GcTally>.Shared.Return(counted.Array!);
                },
            };
        }
    }

    public IReadOnlyList<OutputLine> RecentOutput(int count)
    {
        lock (_gate) return _output.Slice(Math.Max(0, _output.Count - count), _output.Count);
    }

    public IReadOnlyList<Bracket> RecentBrackets(int count)
    {
        lock (_gate) return _brackets.Recent.Slice(Math.Max(0, _brackets.Recent.Count - count), _brackets.Recent.Count);
    }

    public IReadOnlyList<GcEvent> RecentGcs(int count)
    {
        lock (_gate) return _gcs.Recent.Slice(Math.Max(0, _gcs.Recent.Count - count), _gcs.Recent.Count);
    }

    /// <summary>The types that allocated most over the session, from allocation samples.</summary>
    public IReadOnlyList<TypeAllocation> TopAllocations(int count)
    {
        lock (_gate) return _allocations.Top(count);
    }

    /// <summary>The types that allocated most between two times (a call), while those samples are still held.</summary>
    public IReadOnlyList<TypeAllocation> TopAllocations(double start, double end, int count)
    {
        lock (_gate) return _allocations.Top(start, end, count);
    }

    /// <summary>The call sites that allocated most between two times, from the sampled stacks still held.</summary>
    public IReadOnlyList<SiteTotal> TopCallSites(double start, double end, int count)
    {
        lock (_gate)
        {
            var inSpan = new List<AllocationSite>();
            for (var i = _sites.LowerBound(s => s.T >= start); i < _sites.Count && _sites[i].T <= end; i++) inSpan.Add(_sites[i]);
            return AllocationSites.Top(inSpan, count);
        }
    }

    /// <summary>Whether any memory reading (RSS or heap) has arrived.</summary>
    public bool HasMemory
    {
        get
        {
            lock (_gate) return !_rss.IsEmpty || !_heap.IsEmpty || !_heapAfterGcs.IsEmpty;
        }
    }

    /// <summary>The earliest time still held at any resolution (older data has been dropped); 0 before any.</summary>
    public double Oldest
    {
        get
        {
            lock (_gate)
                return new[] { _rss.Oldest, _heap.Oldest, _heapAfterGcs.Oldest, _gcs.Oldest, _brackets.Oldest }.Min() ?? 0;
        }
    }

    public TimelineStats Stats()
    {
        lock (_gate)
            return new TimelineStats(_lastRss, _lastHeap, _peakRss, _peakHeap, _gcCounts.ToArray(), _totalPauseMs, _induced,
                new Dictionary<string, CounterReading>(_counters));
    }
}
