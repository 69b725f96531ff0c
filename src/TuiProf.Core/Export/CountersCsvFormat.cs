using System.Globalization;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// The columns of <c>dotnet-counters collect --format csv</c> (Timestamp, Provider, Counter Name, Counter Type,
/// Mean/Increment), one row per reading: RSS and GC heap in MB, the runtime counters as recorded, and one row per GC
/// (its pause in ms). Timestamps are ISO 8601 UTC, not dotnet-counters' local-culture format, so any tool parses them.
/// </summary>
public static class CountersCsvFormat
{
    public static void Write(TextWriter output, RecordingFile recording)
    {
        var origin = recording.Header?.OriginUtc ?? DateTime.UnixEpoch;
        output.Write("Timestamp,Provider,Counter Name,Counter Type,Mean/Increment\n");
        foreach (var e in recording.Events.OrderBy(e => e.T))
            foreach (var (provider, name, value) in Readings(e))
                output.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{origin.AddSeconds(e.T):yyyy-MM-ddTHH:mm:ss.fffZ},{provider},{Quote(name)},Metric,{value:0.######}\n"));
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
                yield return ("System.Runtime", counter.Name, counter.Value);
                break;
            case GcEvent gc:
                yield return ("Microsoft-Windows-DotNETRuntime", $"GC pause (ms) gen {gc.Generation} {gc.Reason}", gc.PauseMs);
                break;
        }
    }

    private static string Quote(string text) => text.Contains(',') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
