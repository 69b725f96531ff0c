using TuiProf.Core.Sources;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Diagnostics;

/// <summary>What to read from a target, how often, and how long to wait for its runtime to answer.</summary>
public sealed record SessionOptions
{
    /// <summary>RSS sampling period: 25 Hz, above mprof's 10 Hz. Null: no RSS sampling, the GC heap only.</summary>
    public TimeSpan? SamplePeriod { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// Runtime counter period (the GC heap line, allocation rate). EventCounters intervals are shared by every
    /// session on a process, and dotnet-counters drops readings of another interval than its own: so a program
    /// someone else may watch gets <see cref="SharedCounterInterval"/>, dotnet-counters' 1 s.
    /// </summary>
    public TimeSpan CounterInterval { get; init; } = SharedCounterInterval;

    public static readonly TimeSpan SharedCounterInterval = TimeSpan.FromSeconds(1);

    /// <summary>For a program only TuiProf watches (a built-in scenario): a heap line ten times finer.</summary>
    public static readonly TimeSpan PrivateCounterInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether <see cref="CounterInterval"/> was chosen by the user, not left to the target's default.</summary>
    public bool CounterIntervalGiven { get; init; }

    /// <summary>
    /// Sampled allocations, by type and per call: .NET 10's randomized sampling, or before it GCAllocationTick (the
    /// GC keyword at Verbose level). Off by default: a sample every ~100 KB costs a target allocating gigabytes a
    /// second a share of its speed (bench/README.md).
    /// </summary>
    public bool Allocations { get; init; }

    /// <summary>
    /// Where the sampled allocations come from: a stack with each, named live (a second session, with stack walks).
    /// Its own switch: on a workload allocating ~9 GB/s the stacks cost the target 16 % of its CPU where the types
    /// alone cost 9 %. Implies <see cref="Allocations"/>.
    /// </summary>
    public bool CallSites { get; init; }

    /// <summary>More EventCounters providers to read (e.g. System.Net.Http, or the program's own), at the same interval.</summary>
    public IReadOnlyList<string> CounterProviders { get; init; } = [];

    /// <summary>Which ActivitySources become brackets.</summary>
    public ActivityFilter Activities { get; init; } = ActivityFilter.Default;

    /// <summary>
    /// Whether activities become brackets at all. Off for a host-wide watch of processes not on screen: listening
    /// makes a target create an Activity for every span of every source (an ASP.NET request each), for nobody.
    /// </summary>
    public bool Brackets { get; init; } = true;

    /// <summary>Which processes of a launched command's tree to profile.</summary>
    public FollowRule Follow { get; init; } = FollowRule.UserCode;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The data sources of one runtime's session; without a local process, RSS is the runtime's working set. Its
    /// activities between start and stop are kept in <paramref name="openSpans"/>. Allocations are sampled at random
    /// unless the runtime is older than <paramref name="randomizedSampling"/> needs (.NET 10).
    /// </summary>
    public IReadOnlyList<IRuntimeSource> Sources(bool hasLocalProcess, OpenSpans openSpans, bool randomizedSampling = true)
    {
        var calls = Allocations ? new ThreadAllocations() : null;
        return
        [
            new GcEvents(),
            new RuntimeCounters(CounterInterval, CounterProviders, workingSetAsRss: !hasLocalProcess && SamplePeriod is not null),
            .. Brackets ? [new Activities(Activities, openSpans, calls)] : Array.Empty<IRuntimeSource>(),
            .. Allocations ? [randomizedSampling ? new AllocationSampling(calls) : new AllocationTicks(calls)] : Array.Empty<IRuntimeSource>(),
        ];
    }
}
