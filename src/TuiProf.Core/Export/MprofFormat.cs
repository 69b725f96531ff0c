using System.Globalization;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// memory_profiler's <c>.dat</c> text, so <c>mprof plot</c> draws a TuiProf recording with its brackets:
/// <c>CMDLINE cmd</c>, <c>MEM MiB unix-time</c> per RSS sample, and
/// <c>FUNC name MiB-at-start start MiB-at-end end level</c> per bracket (mprof's own precision: 6 and 4 decimals).
/// </summary>
public static class MprofFormat
{
    private const double Mebibyte = 1024 * 1024;

    public static void Write(TextWriter output, RecordingFile recording)
    {
        var origin = Origin(recording.Header);
        var rss = recording.Events.OfType<MemorySample>().Where(s => s.Rss is not null).OrderBy(s => s.T).ToList();
        output.Write($"CMDLINE {recording.Header?.Target ?? "tuiprof"}\n");
        foreach (var sample in rss)
            output.Write(Invariant($"MEM {sample.Rss!.Value / Mebibyte:F6} {origin + sample.T:F4}\n"));
        foreach (var bracket in recording.Events.OfType<Bracket>().OrderBy(b => b.T))
            output.Write(Invariant(
                $"FUNC {bracket.Name} {RssAt(rss, bracket.T) / Mebibyte:F4} {origin + bracket.T:F4} {RssAt(rss, bracket.End) / Mebibyte:F4} {origin + bracket.End:F4} {bracket.Depth}\n"));
    }

    /// <summary>Unix time of t = 0; recordings without a header start at the epoch.</summary>
    private static double Origin(RecordingHeader? header) =>
        header is null ? 0 : (header.OriginUtc - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>
    /// The RSS last read at or before <paramref name="t"/> (the first reading if none was yet), found by binary
    /// search: an hour holds 90 000 readings and thousands of calls.
    /// </summary>
    private static long RssAt(List<MemorySample> rss, double t)
    {
        if (rss.Count == 0) return 0;
        int low = 0, high = rss.Count; // first reading after t
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (rss[mid].T > t) high = mid;
            else low = mid + 1;
        }
        return rss[Math.Max(0, low - 1)].Rss!.Value;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
