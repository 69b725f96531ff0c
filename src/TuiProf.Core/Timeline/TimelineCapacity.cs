namespace TuiProf.Core.Timeline;

/// <summary>How much a <see cref="Timeline"/> keeps. The default holds over an hour of 25 Hz samples.</summary>
public sealed record TimelineCapacity(int Samples, int Gcs, int Brackets, int OutputLines)
{
    /// <summary>Allocation samples kept for per-call figures (whole-session totals are kept apart, exactly).</summary>
    public int Allocations { get; init; } = 100_000;

    public static TimelineCapacity Default { get; } = new(Samples: 100_000, Gcs: 50_000, Brackets: 20_000, OutputLines: 500);
}
