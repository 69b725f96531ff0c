namespace TuiProf.Top;

/// <summary>What the list of processes is sorted by: the largest first, the name from A.</summary>
public sealed record ProcessSort(string Name, Func<ProcessRow, double> Key, bool Descending = true)
{
    public static readonly IReadOnlyList<ProcessSort> All =
    [
        new("heap", r => r.Summary?.Heap ?? -1),
        new("RSS", r => r.Summary?.Rss ?? -1),
        new("GC rate", r => r.Summary?.GcsPerSecond.Sum() ?? -1),
        new("alloc rate", r => r.Summary?.AllocationRate ?? -1),
        new("name", _ => 0, Descending: false),
    ];

    /// <summary>Rows in this order; ties (and the name sort) by name, then PID, so rows do not swap at each frame.</summary>
    public IEnumerable<ProcessRow> Apply(IEnumerable<ProcessRow> rows)
    {
        var sorted = Descending ? rows.OrderByDescending(Key) : rows.OrderBy(Key);
        return sorted.ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Pid ?? int.MaxValue);
    }

    /// <summary>The sorts' names, in the order s goes through them.</summary>
    public static IEnumerable<string> Names => All.Select(s => s.Name);

    public ProcessSort Next(int step) => All[(All.ToList().IndexOf(this) + step + All.Count) % All.Count];
}
