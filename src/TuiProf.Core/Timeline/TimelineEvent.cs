namespace TuiProf.Core.Timeline;

/// <summary>
/// Everything that arrives from a profiled target. <c>T</c> is seconds since the timeline's origin; <c>Pid</c> is the
/// process it came from, when it came from one of this machine (a launched command's tree has several).
/// The family is closed: its kinds are the records of this file, and consumers take them through
/// <see cref="Accept{TResult}"/>, so a kind added here is a method added to <see cref="ITimelineEventVisitor{TResult}"/>
/// and a consumer that does not handle it does not compile.
/// </summary>
public abstract record TimelineEvent
{
    private protected TimelineEvent(double t) => T = t;

    public double T { get; init; }

    public int? Pid { get; init; }

    public abstract TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor);
}

/// <summary>What a consumer does with each kind of <see cref="TimelineEvent"/>: one method a kind, none left to a default.</summary>
public interface ITimelineEventVisitor<out TResult>
{
    TResult Visit(MemorySample sample);

    TResult Visit(GcEvent gc);

    TResult Visit(BracketStarted started);

    TResult Visit(Bracket bracket);

    TResult Visit(OutputLine line);

    TResult Visit(TargetExited exited);

    TResult Visit(Notice notice);

    TResult Visit(AllocationSample allocation);

    TResult Visit(AllocationSite site);

    TResult Visit(CounterReading counter);

    TResult Visit(ProcessStarted started);

    TResult Visit(ProcessExited exited);
}

/// <summary>
/// A memory reading. Readings come from different sources at their own times (RSS from /proc, heap from runtime
/// counters and GC heap stats), so a sample carries only what was measured at <c>T</c>; nothing is interpolated.
/// </summary>
public sealed record MemorySample(double T, long? Rss = null, long? Heap = null, GenerationSizes? Generations = null)
    : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>One garbage collection, complete. <c>T</c> is its start.</summary>
public sealed record GcEvent(
    double T,
    int Number,
    int Generation,
    string Reason,
    string Type,
    double DurationMs,
    double PauseMs,
    long? HeapBefore,
    long? HeapAfter) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);

    public bool IsInduced => Reason.StartsWith("Induced", StringComparison.Ordinal);
}

/// <summary>An activity (function call) that has started and not yet stopped.</summary>
public sealed record BracketStarted(double T, string Id, string Name, int Depth, int Thread) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);

    /// <summary>The call drawn as if it stopped at <paramref name="end"/> (now, or the recording's end).</summary>
    public Bracket Until(double end) => new(T, Math.Max(T, end), Id, Name, Depth, Thread) { Pid = Pid };
}

/// <summary>
/// A finished activity: one bracket on the graph, from <c>T</c> to <see cref="End"/>. <see cref="Allocated"/> is what
/// it allocated, with <c>--allocations</c>, when it started and stopped on one thread while we watched.
/// </summary>
public sealed record Bracket(double T, double End, string Id, string Name, int Depth, int Thread) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);

    public CallAllocation? Allocated { get; init; }

    /// <summary>Still running when the recording stopped: its end is the recording's, not its own.</summary>
    public bool Unfinished { get; init; }

    public double Duration => End - T;
}

/// <summary>A line the target wrote to stdout or stderr.</summary>
public sealed record OutputLine(double T, string Text, bool IsError = false) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>The target is gone. <c>ExitCode</c> is null when it was attached to and its code cannot be known.</summary>
public sealed record TargetExited(double T, int? ExitCode) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>Something about the session the user should know (forced GC refused, connection lost...).</summary>
public sealed record Notice(double T, string Text) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>
/// A sampled allocation: the type of the object sampled and the bytes the sample stands for. From .NET 10's
/// randomized sampling (each byte with a known chance) the sums are unbiased; from GCAllocationTick (about every
/// 100 KB a thread allocates, the object that crossed the mark) they lean towards large objects. Sums per type
/// estimate who allocates.
/// </summary>
public sealed record AllocationSample(double T, string TypeName, long Bytes) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>
/// A sampled allocation (GCAllocationTick, about every 100 KB a thread allocates) with the managed methods on its
/// stack, innermost first: <c>Frames[0]</c> is the call site that allocated. Recorded as an <c>allocsite</c> line.
/// </summary>
public sealed record AllocationSite(double T, string TypeName, long Bytes, IReadOnlyList<string> Frames) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);

    public string Site => Frames.Count > 0 ? Frames[0] : "?";

    // Equal when the frames are, not only when they are the same list (a recording read back is a new one).
    public bool Equals(AllocationSite? other) =>
        other is not null && T == other.T && Pid == other.Pid && TypeName == other.TypeName && Bytes == other.Bytes &&
        Frames.SequenceEqual(other.Frames);

    public override int GetHashCode() => HashCode.Combine(T, TypeName, Bytes, Frames.Count);
}

/// <summary>A runtime counter value (e.g. alloc-rate in bytes per second, time-in-gc in %).</summary>
public sealed record CounterReading(double T, CounterId Counter, double Value) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>A .NET process of the target's tree was found; <c>Followed</c>: it is profiled, not only listed.</summary>
public sealed record ProcessStarted(double T, int ProcessId, int? ParentId, string Name, string CommandLine, bool Followed)
    : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>A process of the target's tree, other than the target itself, is gone (its exit code is its parent's).</summary>
public sealed record ProcessExited(double T, int ProcessId) : TimelineEvent(T)
{
    public override TResult Accept<TResult>(ITimelineEventVisitor<TResult> visitor) => visitor.Visit(this);
}
