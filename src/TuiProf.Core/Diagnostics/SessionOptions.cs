namespace TuiProf.Core.Diagnostics;

/// <summary>How often to sample and how long to wait for a target's runtime to answer.</summary>
public sealed record SessionOptions
{
    /// <summary>RSS sampling period: 25 Hz, above mprof's 10 Hz. Null: no RSS sampling, the GC heap only.</summary>
    public TimeSpan? SamplePeriod { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Runtime counter period (GC heap size, allocation rate).</summary>
    public TimeSpan CounterInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Sampled allocations by type (the GC keyword at Verbose level, for GCAllocationTick). Off by default: a tick
    /// every ~100 KB cost a target allocating gigabytes a second a quarter of its speed.
    /// </summary>
    public bool Allocations { get; init; }

    /// <summary>More EventCounters providers to read (e.g. System.Net.Http, or the program's own), at the same interval.</summary>
    public IReadOnlyList<string> CounterProviders { get; init; } = [];

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
