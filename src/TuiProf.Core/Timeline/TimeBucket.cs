namespace TuiProf.Core.Timeline;

/// <summary>
/// A summary of what happened from <see cref="T"/> (its first item) to <see cref="End"/> (its last), that takes in a
/// later summary of the same bucket of time: how older history is kept at a coarser resolution.
/// </summary>
public interface ITimeBucket<TSelf> where TSelf : struct, ITimeBucket<TSelf>
{
    double T { get; }

    double End { get; }

    TSelf Then(TSelf later);
}

/// <summary>
/// One resolution of history: buckets of <paramref name="Seconds"/> each, at most <paramref name="Count"/> of them
/// closed and the one being filled. Each level's width is a multiple of the one before, so a bucket handed on lies
/// in one bucket of the next.
/// </summary>
public readonly record struct BucketLevel(double Seconds, int Count);
