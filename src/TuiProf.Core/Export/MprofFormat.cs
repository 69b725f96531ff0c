using System.Globalization;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// memory_profiler's <c>.dat</c> text, so the real <c>mprof plot</c> draws a TuiProf recording: <c>MEM MiB
/// unix-time</c> per RSS sample of the target (the main line), <c>CHLD GC-heap MiB unix-time</c> per GC heap reading
/// (a second line, which mprof labels "child GC-heap"), <c>CHLD PID ...</c> per RSS sample of each followed child
/// process (as <c>mprof run --include-children</c> writes them), and <c>FUNC name MiB-at-start start MiB-at-end end
/// level</c> per call of the target and per full (gen-2) GC, the counterpart of Python's <c>gc.collect()</c>; gen-0/1
/// GCs show as the heap line's teeth. GCs sit one level above the deepest call, a row of their own in
/// <c>mprof plot --flame</c>. Numbers use mprof's own precision (MEM and CHLD 6 and 4 decimals, FUNC 4).
/// </summary>
public static class MprofFormat
{
    /// <summary>The GC heap's series: mprof's legend reads "child GC-heap".</summary>
    public const string HeapSeries = "GC-heap";

    private const double Mebibyte = 1024 * 1024;

    public static void Write(TextWriter output, RecordingFile recording)
    {
        var series = RecordingSeries.From(recording);
        var target = series.Main;
        var origin = series.UnixOrigin;
        var rss = Points(target.Rss, s => s.Rss);
        var heap = Points(target.Heap, s => s.Heap);
        // mprof plots nothing without MEM lines: with --no-rss the heap is the only memory there is.
        var (main, child) = rss.Count > 0 ? (rss, heap) : (heap, []);

        output.Write($"CMDLINE {MprofText.CommandLine(series.Target)}\n");
        foreach (var (t, bytes) in main)
            output.Write(Invariant($"MEM {bytes / Mebibyte:F6} {origin + t:F4}\n"));
        foreach (var (t, bytes) in child)
            Child(output, HeapSeries, bytes, origin + t);
        foreach (var process in series.Processes.Skip(1))
            foreach (var sample in process.Rss)
                Child(output, $"{process.Pid}", sample.Rss!.Value, origin + sample.T);
        foreach (var bracket in target.Brackets)
            Function(output, main, origin, MprofText.FunctionName(bracket.Name), bracket.T, bracket.End, bracket.Depth);
        // A FUNC's two memory figures are drawn as points of the main line (mprof plot merges them into it), so a
        // GC's are the RSS at its start and end; the heap it freed shows on the GC-heap line, read after each GC.
        var gcLevel = target.Brackets.Count == 0 ? 0 : target.Brackets.Max(b => b.Depth) + 1;
        foreach (var gc in target.Gcs.Where(gc => gc.Generation == 2))
            Function(output, main, origin, MprofText.FunctionName($"GC-gen2-{gc.Reason}"), gc.T, gc.T + gc.DurationMs / 1000, gcLevel);
    }

    private static void Child(TextWriter output, string name, long bytes, double time) =>
        output.Write(Invariant($"CHLD {name} {bytes / Mebibyte:F6} {time:F4}\n"));

    private static void Function(TextWriter output, List<(double T, long Bytes)> memory, double origin, string name,
        double start, double end, int level) =>
        output.Write(Invariant(
            $"FUNC {name} {BytesAt(memory, start) / Mebibyte:F4} {origin + start:F4} {BytesAt(memory, end) / Mebibyte:F4} {origin + end:F4} {level}\n"));

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
