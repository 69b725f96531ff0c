namespace TuiProf.Core.Fleet;

/// <summary>
/// A histogram as Prometheus and OpenTelemetry keep one: how many values fell at or under each upper bound, their
/// count and their sum. Not thread-safe: its owner locks.
/// </summary>
public sealed class BucketCounts(IReadOnlyList<double> bounds)
{
    private readonly long[] _counts = new long[bounds.Count];

    public IReadOnlyList<double> Bounds => bounds;

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public void Add(double value)
    {
        for (var i = 0; i < bounds.Count; i++)
            if (value <= bounds[i]) _counts[i]++;
        (Count, Sum) = (Count + 1, Sum + value);
    }

    /// <summary>The cumulative count at each bound (Prometheus' <c>le</c> buckets, +Inf being <see cref="Count"/>).</summary>
    public BucketSnapshot Snapshot() => new(bounds, [.. _counts], Count, Sum);
}

/// <param name="Cumulative">Values at or under each of <paramref name="Bounds"/>.</param>
public sealed record BucketSnapshot(IReadOnlyList<double> Bounds, IReadOnlyList<long> Cumulative, long Count, double Sum);
