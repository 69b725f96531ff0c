namespace TuiProf.Core.Timeline;

/// <summary>Running totals over the whole session; unlike the buffers, these never drop anything.</summary>
public sealed record TimelineStats(
    long? Rss,
    long? Heap,
    long PeakRss,
    long PeakHeap,
    IReadOnlyList<int> GcCountByGeneration,
    double TotalPauseMs,
    int InducedGcCount,
    IReadOnlyDictionary<string, CounterReading> Counters);
