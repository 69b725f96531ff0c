namespace TuiProf.Core.Timeline;

/// <summary>
/// The activities of one runtime that have started and not yet stopped. The source that pairs starts with stops
/// (<c>BracketAssembler</c>) owns them, on its session's thread; a timeline reads them, on the UI's, to draw each up
/// to now. Bounded: a target that never stops its activities must not grow us.
/// </summary>
public sealed class OpenSpans
{
    public const int Capacity = 10_000;
    private readonly object _gate = new();
    private readonly Dictionary<string, BracketStarted> _open = [];

    public BracketStarted? Find(string id)
    {
        lock (_gate) return _open.GetValueOrDefault(id);
    }

    /// <summary>Keeps a started span; false when <see cref="Capacity"/> spans are already open.</summary>
    public bool TryOpen(BracketStarted started)
    {
        lock (_gate)
        {
            if (_open.Count >= Capacity) return false;
            _open[started.Id] = started;
            return true;
        }
    }

    /// <summary>Drops a span that stopped; returns it, or null if it was not open (begun before we attached).</summary>
    public BracketStarted? Close(string id)
    {
        lock (_gate) return _open.Remove(id, out var started) ? started : null;
    }

    public IReadOnlyList<BracketStarted> All()
    {
        lock (_gate) return [.. _open.Values];
    }
}
