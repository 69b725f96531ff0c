namespace TuiProf.Top;

/// <summary>What the user has set on <c>tuiprof top</c>'s list: sort, filter, the selected process, overlays.</summary>
public sealed class TopState
{
    public ProcessSort Sort { get; set; } = ProcessSort.All[0];

    /// <summary>Only rows that contain it are shown; empty: all.</summary>
    public string Filter { get; set; } = "";

    /// <summary>Whether keys are typed into the filter (after /, until Enter or Esc).</summary>
    public bool EditingFilter { get; set; }

    /// <summary>The selected row's key: the selection follows its process as rows move.</summary>
    public string? Selected { get; set; }

    public bool Ascii { get; set; }
    public bool Help { get; set; }
    public string? Message { get; set; }

    /// <summary>The rows to show, sorted and filtered; the selection moved onto one of them if its own is not there.</summary>
    public IReadOnlyList<ProcessRow> Shown(IEnumerable<ProcessRow> rows)
    {
        var shown = Sort.Apply(rows.Where(r => r.Matches(Filter))).ToList();
        if (shown.Count > 0 && shown.All(r => r.Key != Selected)) Selected = shown[0].Key;
        return shown;
    }

    /// <summary>Moves the selection up (-1) or down (+1) the rows shown.</summary>
    public void Move(IReadOnlyList<ProcessRow> shown, int step)
    {
        if (shown.Count == 0) return;
        var at = shown.ToList().FindIndex(r => r.Key == Selected);
        Selected = shown[Math.Clamp(at + step, 0, shown.Count - 1)].Key;
    }
}
