using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Commands;

/// <summary>The one-line headline above a plot: what was recorded and its key numbers.</summary>
public static class RecordingSummary
{
    public static string Describe(RecordingFile recording, TimelineWindow window)
    {
        var peakRss = window.Rss.Count == 0 ? 0 : window.Rss.Max(s => s.Rss ?? 0);
        var peakHeap = window.Heap.Count == 0 ? 0 : window.Heap.Max(s => s.Heap ?? 0);
        var induced = window.Gcs.Count(g => g.IsInduced);
        var exit = recording.Events.OfType<TargetExited>().LastOrDefault();
        var name = recording.Header?.Target ?? "recording";
        // InvariantGlobalization is on: numbers always format with a '.' decimal point.
        return $"{name}: {window.Span:0.0} s, peak RSS {peakRss / 1e6:0.0} MB, peak heap {peakHeap / 1e6:0.0} MB, " +
            $"{window.Gcs.Count} GCs ({induced} induced), {window.Brackets.Count} brackets" +
            (exit is null ? "" : $", exit {exit.ExitCode?.ToString() ?? "?"}");
    }
}
