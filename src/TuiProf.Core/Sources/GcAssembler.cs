using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// Turns the runtime's separate GC events (suspend, start, end, heap stats, restart) into one <see cref="GcEvent"/>
/// per collection. A blocking GC is complete when the runtime restarts after it; a background GC, which ends
/// without a suspension of its own, when its heap stats arrive. Pure logic, no I/O.
/// </summary>
public sealed class GcAssembler(Action<GcEvent> complete)
{
    private const int MaxPending = 64;
    private readonly Dictionary<int, Pending> _pending = [];
    private Pending? _lastEnded;
    private double? _suspendStart;

    /// <summary>The most recent heap size known before a GC starts (from counters or a previous GC).</summary>
    public long? LastKnownHeap { get; set; }

    public void SuspendBegin(double t) => _suspendStart = t;

    public void Start(double t, int number, int generation, string reason, string type)
    {
        FlushEnded();
        if (_pending.Count >= MaxPending) // events were lost; forget the oldest rather than grow
            _pending.Remove(_pending.Keys.Min());
        _pending[number] = new Pending(t, number, generation, reason, type, LastKnownHeap);
    }

    /// <summary>One heap's size before the GC in progress (server GC sends one per heap: they add up).</summary>
    public void HeapBefore(long bytes)
    {
        if (_pending.Count == 0) return;
        var gc = _pending[_pending.Keys.Max()];
        gc.MeasuredHeapBefore = (gc.MeasuredHeapBefore ?? 0) + bytes;
    }

    public void End(double t, int number)
    {
        if (!_pending.TryGetValue(number, out var gc)) return;
        gc.End = t;
        _lastEnded = gc;
    }

    public void HeapStats(GenerationSizes sizes)
    {
        LastKnownHeap = sizes.Total;
        if (_lastEnded is not { } gc) return;
        gc.HeapAfter = sizes.Total;
        if (gc.Type == "BackgroundGC") Complete(gc);
    }

    public void RestartEnd(double t)
    {
        if (_suspendStart is { } suspended && _pending.Count > 0)
            _pending[_pending.Keys.Max()].PauseMs += (t - suspended) * 1000;
        _suspendStart = null;
        if (_lastEnded is { } gc) Complete(gc);
    }

    private void FlushEnded()
    {
        foreach (var gc in _pending.Values.Where(p => p.End is not null).ToList())
            Complete(gc);
    }

    private void Complete(Pending gc)
    {
        _pending.Remove(gc.Number);
        if (ReferenceEquals(_lastEnded, gc)) _lastEnded = null;
        var duration = ((gc.End ?? gc.Start) - gc.Start) * 1000;
        complete(new GcEvent(gc.Start, gc.Number, gc.Generation, gc.Reason, gc.Type, duration, gc.PauseMs,
            gc.MeasuredHeapBefore ?? gc.HeapBefore, gc.HeapAfter));
    }

    private sealed class Pending(double start, int number, int generation, string reason, string type, long? heapBefore)
    {
        public double Start { get; } = start;
        public int Number { get; } = number;
        public int Generation { get; } = generation;
        public string Reason { get; } = reason;
        public string Type { get; } = type;
        /// <summary>The last known size when the GC started: a fallback for when per-heap history is missing.</summary>
        public long? HeapBefore { get; } = heapBefore;
        public long? MeasuredHeapBefore { get; set; }
        public double? End { get; set; }
        public long? HeapAfter { get; set; }
        public double PauseMs { get; set; }
    }
}
