using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>One reading as dotnet-counters reports it: when, which provider, which counter, what value.</summary>
public sealed record CounterRow(DateTime TimestampUtc, string Provider, string Name, double Value);

/// <summary>
/// A recording as counter readings, in time order: RSS and GC heap in MB, the runtime counters as recorded, and one
/// reading per GC (its pause in ms), for the exports in dotnet-counters' shapes.
/// </summary>
public static class CounterRows
{
    public static IEnumerable<CounterRow> From(RecordingFile recording)
    {
        var origin = recording.Header?.OriginUtc ?? DateTime.UnixEpoch;
        foreach (var e in recording.Events.OrderBy(e => e.T))
            foreach (var (provider, name, value) in Readings(e))
                yield return new CounterRow(origin.AddSeconds(e.T), provider, name, value);
    }

    private static IEnumerable<(string Provider, string Name, double Value)> Readings(TimelineEvent e)
    {
        switch (e)
        {
            case MemorySample sample:
                if (sample.Rss is { } rss) yield return ("TuiProf", "Process RSS (MB)", rss / 1e6);
                if (sample.Heap is { } heap) yield return ("System.Runtime", "GC Heap Size (MB)", heap / 1e6);
                break;
            case CounterReading counter:
                yield return (counter.Counter.Provider, counter.Counter.Name, counter.Value);
                break;
            case GcEvent gc:
                yield return ("Microsoft-Windows-DotNETRuntime", $"GC pause (ms) gen {gc.Generation} {gc.Reason}", gc.PauseMs);
                break;
            case Bracket or BracketStarted or OutputLine or Notice or AllocationSample or TargetExited or ProcessStarted or ProcessExited:
                break; // not counters
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "an event kind the counter exports do not know");
        }
    }
}
