namespace TuiProf.Core.Timeline;

/// <summary>
/// The readings of one memory series (bytes) from <see cref="T"/> to <see cref="End"/>, summarised: what older
/// history keeps of them, so a chart column over many of them still shows how low and how high they went.
/// </summary>
public readonly record struct MemoryRange(double T, double End, long Min, long Max, long Last) : ITimeBucket<MemoryRange>
{
    /// <summary>Ranges by their last reading, where a chart puts them.</summary>
    public static IComparer<MemoryRange> ByEnd { get; } = Comparer<MemoryRange>.Create((a, b) => a.End.CompareTo(b.End));

    public static MemoryRange Of(double t, long bytes) => new(t, t, bytes, bytes, bytes);

    public MemoryRange Then(MemoryRange later) =>
        new(T, later.End, Math.Min(Min, later.Min), Math.Max(Max, later.Max), later.Last);
}
