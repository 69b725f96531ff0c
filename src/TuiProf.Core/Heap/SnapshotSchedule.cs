using TuiProf.Core.Text;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Heap;

/// <summary>A snapshot a condition calls for: its number, the reading (its time, its bytes), why, and why not (null: take it).</summary>
public sealed record SnapshotCall(int Number, double T, long Reading, string Why, string? NotAffordable)
{
    public string Taking => $"heap snapshot {Number} ({Why}): taking it";

    public string Skipped => $"heap snapshot {Number} skipped ({Why}): {NotAffordable}";

    /// <summary>What the snapshot found, and where it went (<paramref name="where"/>: a file, the Heap panel).</summary>
    public string Took(HeapSnapshot snapshot, string where) =>
        $"heap snapshot {Number}: {snapshot.ObjectCount:N0} objects, {ByteSize.Text(snapshot.TotalBytes)} {where}";

    public string Failed(string why) => $"heap snapshot {Number} not taken: {why}";
}

/// <summary>What <c>--snapshot-when</c> and its options ask for; each target gets a schedule of its own (its clock and its gen-2 readings).</summary>
public sealed record SnapshotRule(string When, TimeSpan CoolDown, long? MinFree)
{
    /// <summary>Reads the condition (a FormatException says what is wrong): to check it before anything starts.</summary>
    public SnapshotSchedule Start() => new(SnapshotTrigger.Parse(When), CoolDown, MinFree);
}

/// <summary>
/// When a condition's snapshots are due (<c>--snapshot-when</c>, for <c>record</c> and the live screen alike): at the
/// reading that makes it hold, at most once per cool-down, never while one is under way, and not when the host has
/// less memory available than the snapshot may need (<see cref="HostMemory"/>, or the bound given).
/// </summary>
public sealed class SnapshotSchedule(SnapshotTrigger trigger, TimeSpan coolDown, long? minFree)
{
    private double _last = double.NegativeInfinity;
    private long _heap;
    private int _count;

    public SnapshotTrigger Trigger => trigger;

    /// <summary>The snapshot an event of the target's own process calls for, or null.</summary>
    /// <param name="busy">A snapshot is under way: the condition is read, but calls for none.</param>
    public SnapshotCall? Consider(TimelineEvent e, bool busy)
    {
        if (e is MemorySample { Heap: { } heap }) _heap = heap;
        if (e is GcEvent { HeapAfter: { } after }) _heap = after;
        if (trigger.HeldBy(e) is not { } reading || e.T - _last < coolDown.TotalSeconds || busy) return null;
        _last = e.T;
        var why = trigger.Window is { } window
            ? $"{trigger.Measure} {ByteSize.Text(reading)} within {window.TotalMinutes:0.##} min > {ByteSize.Text(trigger.Bytes)}"
            : $"{trigger.Measure} {ByteSize.Text(reading)} > {ByteSize.Text(trigger.Bytes)}";
        var needs = minFree ?? HostMemory.SnapshotNeeds(_heap);
        var notAffordable = HostMemory.Available() is { } available && available < needs
            ? $"the host has {ByteSize.Text(available)} available, the snapshot may need {ByteSize.Text(needs)}"
            : null;
        return new SnapshotCall(++_count, e.T, reading, why, notAffordable);
    }
}
