namespace TuiProf.Core.Timeline;

/// <summary>
/// How much a <see cref="Timeline"/> keeps. The newest data is kept whole: by default over an hour of 25 Hz samples.
/// Older data is summarised at coarser resolutions, so a day of a busy process fits in <see cref="BytesPerProcess"/>.
/// </summary>
public sealed record TimelineCapacity(int Samples, int Gcs, int Brackets, int OutputLines)
{
    /// <summary>
    /// What a timeline of a busy process (RSS at 25 Hz, heap at 10 Hz, 50 GCs and 20 calls a second) holds at most,
    /// however long it runs: measured at 33.5 MB after 24 h (TimelineHistoryTests). An empty timeline is ~2.6 KB, one with
    /// an hour of 1 Hz RSS readings ~0.3 MB: its buffers grow on demand.
    /// </summary>
    public const long BytesPerProcess = 64L << 20;

    /// <summary>Allocation samples kept for per-call figures (whole-session totals are kept apart, exactly).</summary>
    public int Allocations { get; init; } = 100_000;

    /// <summary>Memory readings older than the full-rate ones: per second for 4 h, then per minute for 48 h.</summary>
    public IReadOnlyList<BucketLevel> MemoryLevels { get; init; } = [new(1, 4 * 3600), new(60, 48 * 60)];

    /// <summary>Gen-0 and gen-1 GCs older than the full-rate ones, counted per minute for 48 h.</summary>
    public IReadOnlyList<BucketLevel> GcLevels { get; init; } = [new(60, 48 * 60)];

    /// <summary>Gen-2 and induced GCs kept whole once older than the full-rate ones: days of a few a minute.</summary>
    public int MajorGcs { get; init; } = 20_000;

    /// <summary>Calls older than the ones kept whole, summarised per name and minute: this many summaries.</summary>
    public BucketLevel CallTallies { get; init; } = new(60, 50_000);

    public static TimelineCapacity Default { get; } = new(Samples: 100_000, Gcs: 50_000, Brackets: 20_000, OutputLines: 500);
}
