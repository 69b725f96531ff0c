using System.Diagnostics;
using TuiProf.Core.Timeline;

namespace TuiProf.Live;

/// <summary>Waits for the induced GC that a press of <c>g</c> asked for, and says how long it took to reach the screen.</summary>
public sealed record ForcedGcProbe(double AskedAt, Stopwatch SincePress)
{
    /// <summary>The status message once the GC is in the timeline (it is drawn in this very frame), else null.</summary>
    public string? Seen(Timeline timeline)
    {
        var gc = timeline.RecentGcs(16).LastOrDefault(g => g.IsInduced && g.T >= AskedAt - 0.05);
        return gc is null ? null :
            $"forced GC #{gc.Number}: heap {gc.HeapBefore / 1e6:0.0} -> {gc.HeapAfter / 1e6:0.0} MB, gen {gc.Generation} " +
            $"{gc.Reason}, pause {gc.PauseMs:0.0} ms, on screen {SincePress.ElapsedMilliseconds} ms after g";
    }
}
