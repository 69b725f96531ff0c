namespace TuiProf.Core.Timeline;

/// <summary>
/// An immutable slice of a timeline, from <see cref="Start"/> to <see cref="End"/> seconds: what a chart draws.
/// Open brackets are included with their end set to the window's end.
/// </summary>
public sealed record TimelineWindow(
    double Start,
    double End,
    IReadOnlyList<MemorySample> Rss,
    IReadOnlyList<MemorySample> Heap,
    IReadOnlyList<GcEvent> Gcs,
    IReadOnlyList<Bracket> Brackets) : IDisposable
{
    private Action? _release;

    public double Span => End - Start;

    /// <summary>Gives pooled lists back (see <see cref="Timeline.Window"/>); the window must not be read after.</summary>
    internal Action? Release { init => _release = value; }

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();

    /// <summary>Builds a window of a whole recording, or of the part between two times, from loose events.</summary>
    public static TimelineWindow From(IEnumerable<TimelineEvent> events, double? start = null, double? end = null)
    {
        var list = events as IReadOnlyCollection<TimelineEvent> ?? events.ToList();
        var from = start ?? 0;
        var to = end ?? (list.Count == 0 ? 0 : list.Max(e => e is Bracket b ? b.End : e.T));
        bool Inside(double t) => t >= from && t <= to;
        var samples = list.OfType<MemorySample>().Where(s => Inside(s.T)).OrderBy(s => s.T).ToList();
        return new TimelineWindow(
            from,
            to,
            samples.Where(s => s.Rss is not null).ToList(),
            samples.Where(s => s.Heap is not null).ToList(),
            list.OfType<GcEvent>().Where(g => Inside(g.T)).OrderBy(g => g.T).ToList(),
            list.OfType<Bracket>().Where(b => b.End >= from && b.T <= to).OrderBy(b => b.T).ToList());
    }
}
