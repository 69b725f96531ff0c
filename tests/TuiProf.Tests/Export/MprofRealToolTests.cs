using System.Globalization;
using System.Text.Json;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Export;

/// <summary>Exports of real recordings, read, plotted and measured by the real mprof (Debian's python3-mprof).</summary>
public class MprofRealToolTests(ManualCollectRecording manualCollect) : IClassFixture<ManualCollectRecording>
{
    private const double Mebibyte = 1024 * 1024;

    [Fact(Timeout = 120_000)]
    public async Task The_real_mprof_reads_rss_the_heap_the_calls_and_the_induced_gc_of_manual_collect()
    {
        var (series, target) = (manualCollect.Series, manualCollect.Target);
        var dat = await manualCollect.ExportAsync("mprof", ".dat");

        var read = await RealMprof.ReadAsync(dat);

        var mem = Numbers(read.GetProperty("mem"));
        var times = Numbers(read.GetProperty("timestamp"));
        Assert.Equal(target.Rss.Count, mem.Count);
        Assert.All(mem, mib => Assert.True(mib > 0, "an RSS of 0 is a process that is gone"));
        Assert.All(times, t => Assert.True(t <= series.UnixOrigin + target.Exit!.Value, "a sample after the target exited"));
        Assert.Equal(target.Rss.Max(s => s.Rss!.Value) / Mebibyte, mem.Max(), tolerance: 1e-6);

        var calls = Executions(read, "RandomNumberAverage");
        Assert.Equal(target.Brackets.Select(b => series.UnixOrigin + b.T), calls.Select(c => c.Start), new Within(1e-4));
        Assert.Equal(target.Brackets.Select(b => series.UnixOrigin + b.End), calls.Select(c => c.End), new Within(1e-4));
        // GC.Collect() runs between the second and third call (two clocks: activities' and EventPipe's, ~1 ms apart).
        var induced = Assert.Single(Executions(read, "GC-gen2-Induced"));
        Assert.InRange(induced.Start, calls[1].End - 0.005, calls[2].Start + 0.005);
        Assert.Equal(1, induced.Level); // a row of its own above the calls, for --flame

        var heap = read.GetProperty("children").GetProperty("GC-heap").EnumerateArray()
            .Select(p => (Mib: p[0].GetDouble(), Time: p[1].GetDouble())).ToList();
        Assert.Equal(target.Heap.Count, heap.Count);
        // The collection frees the second call's 40 MB array: the heap line falls to almost nothing.
        var before = heap.Where(p => p.Time < induced.Start).Max(p => p.Mib);
        var after = heap.First(p => p.Time >= induced.Start).Mib;
        Assert.True(before >= 30 && after < 5, $"heap {before:F1} MiB before the induced GC, {after:F1} MiB after");
    }

    [Fact(Timeout = 120_000)]
    public async Task The_real_mprof_plots_flames_and_peaks_manual_collect()
    {
        var dat = await manualCollect.ExportAsync("mprof", ".dat");
        var png = Path.ChangeExtension(dat, ".png");
        var flame = Path.ChangeExtension(dat, ".flame.png");

        await RealMprof.RunAsync("plot", dat, "--output", png);
        await RealMprof.RunAsync("plot", "--flame", dat, "--output", flame);
        var peak = (await RealMprof.RunAsync("peak", dat)).StandardOutput;

        // mprof's figure is 14 x 6 inches at 90 dpi.
        Assert.Equal((1260, 540), RealMprof.PngSize(png));
        Assert.Equal((1260, 540), RealMprof.PngSize(flame));
        Assert.True(new FileInfo(png).Length > 20_000, $"{png}: {new FileInfo(png).Length} bytes, too few for a plot");
        // "FILE\t108.699 MiB" and "  Child GC-heap\t\t\t38.656 MiB": the highest RSS and heap.
        var peaks = System.Text.RegularExpressions.Regex.Matches(peak, @"\t([0-9.]+) MiB").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("Child GC-heap", peak);
        var target = manualCollect.Target;
        Assert.Equal(2, peaks.Count);
        Assert.Equal(target.Rss.Max(s => s.Rss!.Value) / Mebibyte, peaks[0], tolerance: 0.001);
        Assert.Equal(target.Heap.Max(s => s.Heap!.Value) / Mebibyte, peaks[1], tolerance: 0.001);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_activity_named_with_spaces_and_dollars_is_read_plotted_and_peaked_by_the_real_mprof()
    {
        var file = await SelfRecording.FileAsync();
        var dat = Path.ChangeExtension(file, ".mprof.dat");
        Assert.Equal(0, (await TuiProfCli.RunAsync("export", file, "--format", "mprof", "--out", dat)).ExitCode);

        var read = await RealMprof.ReadAsync(dat);
        await RealMprof.RunAsync("plot", dat, "--output", Path.ChangeExtension(dat, ".png"));
        await RealMprof.RunAsync("plot", "--flame", dat, "--output", Path.ChangeExtension(dat, ".flame.png"));
        var peak = (await RealMprof.RunAsync("peak", dat, "--func", "Checkout_order_42_(\\$^\\$)")).StandardOutput;

        var outer = Assert.Single(Executions(read, "Checkout_order_42_(\\$^\\$)"));
        var inner = Assert.Single(Executions(read, "Charge_card"));
        Assert.Equal((0, 1), (outer.Level, inner.Level));
        Assert.InRange(inner.Start, outer.Start, outer.End);
        Assert.DoesNotContain("NaN", peak);
        Assert.Matches(@"\t\d+\.\d{3} MiB", peak);
        Assert.Equal((1260, 540), RealMprof.PngSize(Path.ChangeExtension(dat, ".png")));
    }

    [Fact(Timeout = 120_000)]
    public async Task Record_writes_the_mprof_format_directly()
    {
        var dat = TuiProfCli.TempFile("baseline.dat");

        Assert.Equal(0, (await TuiProfCli.RunAsync("record", "baseline", "--format", "mprof", "--out", dat)).ExitCode);

        var read = await RealMprof.ReadAsync(dat);
        var (mem, times) = (Numbers(read.GetProperty("mem")), Numbers(read.GetProperty("timestamp")));
        // Samples at 25 Hz over the whole run (~1.5 s of three calls; a loaded 2-core machine delivers ~21/s, so at
        // least half), and none read from the exited process.
        var span = times[^1] - times[0];
        Assert.True(span > 1.0 && mem.Count >= span * 25 * 0.5, $"{mem.Count} MEM lines over {span:0.00} s at 25 Hz");
        Assert.DoesNotContain(mem, mib => mib <= 0);
        var calls = Executions(read, "RandomNumberAverage");
        // Each call sleeps 0.3, 0.5, 0.4 s after filling its array (the fill takes longer on a loaded machine).
        Assert.Equal(3, calls.Count);
        foreach (var (call, sleep) in calls.Zip([0.3, 0.5, 0.4]))
            Assert.InRange(call.End - call.Start, sleep - 0.01, sleep + 1.0);
    }

    private sealed record Execution(double Start, double End, double MemStart, double MemEnd, int Level);

    private static List<Execution> Executions(JsonElement read, string function) =>
        read.GetProperty("functions").GetProperty(function).EnumerateArray()
            .Select(e => new Execution(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble(), e[3].GetDouble(), e[4].GetInt32()))
            .OrderBy(e => e.Start).ToList();

    private static List<double> Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToList();
}
