using System.Globalization;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// memory_profiler's <c>.dat</c> text, so the real <c>mprof plot</c> draws a TuiProf recording: <c>MEM MiB
/// unix-time</c> per RSS sample (the main line), <c>CHLD GC-heap MiB unix-time</c> per GC heap reading (a second line,
/// which mprof labels "child GC-heap"), and <c>FUNC name MiB-at-start start MiB-at-end end level</c> per call and per
/// full (gen-2) GC, the counterpart of Python's <c>gc.collect()</c>; gen-0/1 GCs show as the heap line's teeth.
/// GCs sit one level above the deepest call, a row of their own in <c>mprof plot --flame</c>. Numbers use mprof's
/// own precision (MEM 6 and 4 decimals, FUNC 4).
/// </summary>
public static class MprofFormat
{
    /// <summary>The GC heap's series: mprof's legend reads "child GC-heap".</summary>
    public const string HeapSeries = "GC-heap";

    private const double Mebibyte = 1024 * 1024;

    public static void Write(TextWriter output, RecordingFile recording)
    {
        var series = RecordingSeries.From(recording);
        var origin = series.UnixOrigin;
        var rss = Points(series.Rss, s => s.Rss);
        var heap = Points(series.Heap, s => s.Heap);
        // mprof plots nothing without MEM lines: with --no-rss the heap is the only memory there is.
        var (main, child) = rss.Count > 0 ? (rss, heap) : (heap, []);

        output.Write($"CMDLINE {MprofText.CommandLine(series.Target)}\n");
        foreach (var (t, bytes) in main)
            output.Write(Invariant($"MEM {bytes / Mebibyte:F6} {origin + t:F4}\n"));
        foreach (var (t, bytes) in child)
            output.Write(Invariant($"CHLD {HeapSeries} {bytes / Mebibyte:F6} {origin + t:F4}\n"));
        foreach (var bracket in series.Brackets)
            Function(output, main, origin, MprofText.FunctionName(bracket.Name), bracket.T, bracket.End, bracket.Depth);
        var gcLevel = series.Brackets.Count == 0 ? 0 : series.Brackets.Max(b => b.Depth) + 1;
        // A full GC's bracket runs from the heap it found to the heap it left, as the GC itself measured them: the
        // heap line (a counter, read every interval) can miss a drop that new allocations fill again at once.
        foreach (var gc in series.Gcs.Where(gc => gc.Generation == 2))
            Function(output, MprofText.FunctionName($"GC-gen2-{gc.Reason}"), origin, gc.T, gc.T + gc.DurationMs / 1000, gcLevel,
                gc.HeapBefore ?? BytesAt(main, gc.T), gc.HeapAfter ?? BytesAt(main, gc.T + gc.DurationMs / 1000));
    }

    private static void Function(TextWriter output, List<(double T, long Bytes)> memory, double origin, string name,
        double start, double end, int level) =>
        Function(output, name, origin, start, end, level, BytesAt(memory, start), BytesAt(memory, end));

    private static void Function(TextWriter output, string name, double origin, double start, double end, int level,
        long bytesAtStart, long bytesAtEnd) =>
        output.Write(Invariant(
            $"FUNC {name} {bytesAtStart / Mebibyte:F4} {origin + start:F4} {bytesAtEnd / Mebibyte:F4} {origin + end:F4} {level}\n"));

    private static List<(double T, long Bytes)> Points(IEnumerable<MemorySample> samples, Func<MemorySample, long?> bytes) =>
        samples.Select(s => (s.T, bytes(s)!.Value)).ToList();

    /// <summary>
    /// The memory last read at or before <paramref name="t"/> (the first reading if none was yet; 0 with none at
    /// all), found by binary search: an hour holds 90 000 readings and thousands of calls.
    /// </summary>
    private static long BytesAt(List<(double T, long Bytes)> memory, double t)
    {
        if (memory.Count == 0) return 0;
        int low = 0, high = memory.Count; // first reading after t
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (memory[mid].T > t) high = mid;
            else low = mid + 1;
        }
        return memory[Math.Max(0, low - 1)].Bytes;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
