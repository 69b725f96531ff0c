using System.Globalization;
using System.Text.Json;
using TuiProf.Core.Export;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Export;

public class ExportTests
{
    private static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); // unix 1767225600

    [Fact]
    public void The_mprof_format_is_memory_profilers_dat_text()
    {
        var recording = new RecordingFile(new RecordingHeader("baseline", 42, Origin),
        [
            new MemorySample(0.0, Rss: 10 * 1024 * 1024),
            new MemorySample(0.05, Heap: 1_000_000),
            new MemorySample(0.1, Rss: 34 * 1024 * 1024 + 512 * 1024),
            new Bracket(0.08, 0.38, "1", "RandomNumberAverage", 0, 1),
        ], 0);
        var output = new StringWriter();

        MprofFormat.Write(output, recording);

        Assert.Equal(
            """
            CMDLINE baseline
            MEM 10.000000 1767225600.0000
            MEM 34.500000 1767225600.1000
            FUNC RandomNumberAverage 10.0000 1767225600.0800 34.5000 1767225600.3800 0

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public async Task A_recorded_scenario_exported_for_mprof_reads_back_line_by_line_as_the_recording()
    {
        var file = TuiProfCli.TempFile("baseline.jsonl");
        Assert.Equal(0, (await TuiProfCli.RunAsync("record", "baseline", "--out", file)).ExitCode);
        var export = await TuiProfCli.RunAsync("export", file, "--format", "mprof");
        Assert.Equal(0, export.ExitCode);
        using var reader = File.OpenText(file);
        var recording = JsonLinesReader.Read(reader);
        var origin = (recording.Header!.OriginUtc - DateTime.UnixEpoch).TotalSeconds;

        var (mem, funcs) = ReadMprof(export.StandardOutput);

        var rss = recording.Events.OfType<MemorySample>().Where(s => s.Rss is not null).ToList();
        Assert.Equal(rss.Count, mem.Count);
        foreach (var (sample, (mib, time)) in rss.Zip(mem))
        {
            Assert.Equal(sample.Rss!.Value / 1048576.0, mib, tolerance: 1e-6); // mprof prints 6 decimals
            Assert.Equal(origin + sample.T, time, tolerance: 1e-4); // and times with 4
        }
        var brackets = recording.Events.OfType<Bracket>().ToList();
        Assert.Equal(3, brackets.Count);
        Assert.Equal(brackets.Count, funcs.Count);
        foreach (var (bracket, func) in brackets.Zip(funcs))
        {
            Assert.Equal("RandomNumberAverage", func.Name);
            Assert.Equal(0, func.Level);
            Assert.Equal(origin + bracket.T, func.Start, tolerance: 1e-4);
            Assert.Equal(bracket.Duration, func.End - func.Start, tolerance: 2e-4);
            Assert.True(func.MemEnd > func.MemStart, $"RSS grows over a call that allocates: {func.MemStart} -> {func.MemEnd} MiB");
        }
    }

    [Fact]
    public async Task Record_writes_the_mprof_format_directly()
    {
        var file = TuiProfCli.TempFile("baseline.dat");

        Assert.Equal(0, (await TuiProfCli.RunAsync("record", "baseline", "--format", "mprof", "--out", file)).ExitCode);

        var (mem, funcs) = ReadMprof(await File.ReadAllTextAsync(file));
        // 25 samples a second over the whole run (~1.5 s of three calls), and none read from the exited process.
        var span = mem[^1].Time - mem[0].Time;
        Assert.True(span > 1.0 && mem.Count >= span * 25 * 0.9, $"{mem.Count} MEM lines over {span:0.00} s at 25 Hz");
        Assert.DoesNotContain(mem, m => m.Mib <= 0);
        Assert.Equal(["RandomNumberAverage", "RandomNumberAverage", "RandomNumberAverage"], funcs.Select(f => f.Name));
        // Each call sleeps 0.3, 0.5, 0.4 s after filling its array (the fill takes longer on a loaded machine).
        foreach (var (func, sleep) in funcs.Zip([0.3, 0.5, 0.4]))
            Assert.InRange(func.End - func.Start, sleep - 0.01, sleep + 1.0);
    }

    [Fact]
    public void Counters_of_other_providers_are_exported_under_their_own_provider()
    {
        var recording = new RecordingFile(new RecordingHeader("churn", 42, Origin),
            [new CounterReading(1, CounterId.Runtime("alloc-rate"), 5), new CounterReading(1, new CounterId("TuiProf.Scenarios", "objects-allocated"), 7)], 0);
        var output = new StringWriter();

        CountersCsvFormat.Write(output, recording);

        Assert.Equal(
            """
            Timestamp,Provider,Counter Name,Counter Type,Mean/Increment
            2026-01-01T00:00:01.000Z,System.Runtime,alloc-rate,Metric,5
            2026-01-01T00:00:01.000Z,TuiProf.Scenarios,objects-allocated,Metric,7

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public async Task The_csv_and_json_exports_have_dotnet_counters_shapes_and_a_row_per_reading()
    {
        var file = TuiProfCli.TempFile("manual.jsonl");
        Assert.Equal(0, (await TuiProfCli.RunAsync("record", "manual-collect", "--out", file)).ExitCode);
        var csv = TuiProfCli.TempFile("manual.csv");

        Assert.Equal(0, (await TuiProfCli.RunAsync("export", file, "--format", "csv", "--out", csv)).ExitCode);

        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal("Timestamp,Provider,Counter Name,Counter Type,Mean/Increment", lines[0]);
        using var reader = File.OpenText(file);
        var events = JsonLinesReader.Read(reader).Events;
        Assert.Equal(events.OfType<MemorySample>().Count(s => s.Rss is not null), lines.Count(l => l.Contains(",Process RSS (MB),")));
        Assert.Contains(lines, l => l.Contains(",Microsoft-Windows-DotNETRuntime,GC pause (ms) gen 2 Induced,Metric,"));
        Assert.All(lines.Skip(1), l => Assert.Equal(5, l.Split(',').Length));

        var json = await TuiProfCli.RunAsync("export", file, "--format", "json");
        using var document = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal("manual-collect", document.RootElement.GetProperty("TargetProcess").GetString());
        var rows = document.RootElement.GetProperty("Events").EnumerateArray().ToList();
        Assert.Equal(lines.Length - 1, rows.Count);
        Assert.All(rows, row => Assert.Equal(["timestamp", "provider", "name", "tags", "counterType", "value"],
            row.EnumerateObject().Select(p => p.Name)));
    }

    private sealed record Func(string Name, double MemStart, double Start, double MemEnd, double End, int Level);

    /// <summary>Parses as mprof's read_mprofile_file does: split on spaces, MEM and FUNC by their first field.</summary>
    private static (List<(double Mib, double Time)> Mem, List<Func> Funcs) ReadMprof(string text)
    {
        var mem = new List<(double, double)>();
        var funcs = new List<Func>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            double Number(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
            switch (fields[0])
            {
                case "MEM": mem.Add((Number(1), Number(2))); break;
                case "FUNC": funcs.Add(new Func(fields[1], Number(2), Number(3), Number(4), Number(5), int.Parse(fields[6]))); break;
                case "CMDLINE": break;
                default: throw new FormatException($"mprof would not read: {line}");
            }
        }
        return (mem, funcs);
    }
}
