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
    public void Counters_of_other_providers_are_exported_under_their_own_provider()
    {
        var recording = new RecordingFile(new RecordingHeader("churn", 42, Origin),
            [new CounterReading(1, "alloc-rate", 5), new CounterReading(1, "TuiProf.Scenarios/objects-allocated", 7)], 0);
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
}
