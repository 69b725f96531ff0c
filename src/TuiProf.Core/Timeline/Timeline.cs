using System.Buffers;

namespace TuiProf.Core.Timeline;

/// <summary>
/// The live model of one profiled target: events are applied as they arrive (any thread), windows are read for
/// drawing (any thread). Buffers are bounded, so an hour-long session stays flat in memory.
/// </summary>
public sealed partial class Timeline
{
    private readonly object _gate = new();
    private readonly TimelineCapacity _capacity;
    private readonly RingBuffer<MemorySample> _rss, _heap, _heapAfterGcs;
    private readonly RingBuffer<GcEvent> _gcs;
    private readonly RingBuffer<Bracket> _brackets;
    private readonly RingBuffer<OutputLine> _output;
    private readonly AllocationTally _allocations;
    private readonly RingBuffer<AllocationSite> _sites;
    private readonly OpenSpans? _openSpans;
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
        _rss = new(_capacity.Samples);
        _heap = new(_capacity.Samples);
        _heapAfterGcs = new(_capacity.Gcs); // apart: at hundreds of GCs a second they would push out an hour of readings
        _gcs = new(_capacity.Gcs);
        _brackets = new(_capacity.Brackets);
        _output = new(_capacity.OutputLines);
        _allocations = new(_capacity.Allocations);
        _sites = new(_capacity.Allocations);
        _applying = new Applying(this);
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
    /// The events between two times. Its lists are rented from the shared array pool (an hour's samples are a
    /// megabyte of references, every frame): dispose the window once drawn.
    /// </summary>
    public TimelineWindow Window(double start, double end)
    {
        lock (_gate)
        {
            var brackets = new List<Bracket>();
            for (var i = _brackets.LowerBound(b => b.End >= start); i < _brackets.Count; i++)
                if (_brackets[i].T <= end) brackets.Add(_brackets[i]);
            brackets.AddRange((Exit is null ? _openSpans?.All() ?? [] : [])
                .Where(o => o.T <= end)
                .Select(o => new Bracket(o.T, Math.Max(o.T, Now), o.Id, o.Name, o.Depth, o.Thread)));
            var (rss, gcs) = (Slice(_rss, start, end), Slice(_gcs, start, end));
            var heap = HeapSeries.Merge(Slice(_heap, start, end), Slice(_heapAfterGcs, start, end));
            return new TimelineWindow(start, end, rss, heap, gcs, brackets)
            {
                Release = () =>
                {
                    ArrayPool<MemorySample>.Shared.Return(rss.Array!, clearArray: true);
                    ArrayPool<MemorySample>.Shared.Return(heap.Array!, clearArray: true);
                    ArrayPool<GcEvent>.Shared.Return(gcs.Array!, clearArray: true);
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
        lock (_gate) return _brackets.Slice(Math.Max(0, _brackets.Count - count), _brackets.Count);
    }

    public IReadOnlyList<GcEvent> RecentGcs(int count)
    {
        lock (_gate) return _gcs.Slice(Math.Max(0, _gcs.Count - count), _gcs.Count);
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
            lock (_gate) return _rss.Count > 0 || _heap.Count > 0 || _heapAfterGcs.Count > 0;
        }
    }

    /// <summary>The earliest time still held in the buffers (older data has been dropped).</summary>
    public double Oldest
    {
        get
        {
            lock (_gate) return _rss.Count > 0 ? _rss[0].T : 0;
        }
    }

    public TimelineStats Stats()
    {
        lock (_gate)
            return new TimelineStats(_lastRss, _lastHeap, _peakRss, _peakHeap, _gcCounts.ToArray(), _totalPauseMs, _induced,
                new Dictionary<string, CounterReading>(_counters));
    }

    // Samples arrive in time order per source, so the window's first item is found by binary search; one point
    // either side is kept so lines run to the window's edges.
    private static ArraySegment<T> Slice<T>(RingBuffer<T> buffer, double start, double end) where T : TimelineEvent
    {
        var from = Math.Max(0, buffer.LowerBound(x => x.T >= start) - 1);
        var count = Math.Max(0, Math.Min(buffer.Count, buffer.LowerBound(x => x.T > end) + 1) - from);
        var items = ArrayPool<T>.Shared.Rent(count);
        buffer.CopyTo(from, count, items);
        return new ArraySegment<T>(items, 0, count);
    }
}
