using System.Globalization;
using System.Text.Json;
using TuiProf.Core.Export;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Export;

public class CountersFormatTests
{
    private static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly RecordingFile Recording = new(new RecordingHeader("manual-collect", 42, Origin),
    [
        new GcEvent(0.2, 1, 0, "AllocSmall", "NonConcurrentGC", 0.6, 0.5, null, null),
        new MemorySample(0.5, Rss: 100_000_000),
        new MemorySample(0.6, Generations: new GenerationSizes(1, 2, 3, 4, 0)), // after a GC
        new MemorySample(0.7, Heap: 2_500_000),
        new CounterReading(0.8, CounterId.Runtime("alloc-rate"), 5),
        new CounterReading(0.8, new CounterId("TuiProf.Scenarios", "objects-allocated"), 7),
        new GcEvent(1.2, 2, 2, "Induced", "NonConcurrentGC", 2.5, 2, null, null),
        new TargetExited(1.5, 0),
        new MemorySample(1.52, Rss: 0), // read from the exited process
    ], 0);

    [Fact]
    public void The_csv_has_dotnet_counters_names_units_tags_types_and_timestamps()
    {
        var output = new StringWriter();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try { CountersCsvFormat.Write(output, Recording); }
        finally { CultureInfo.CurrentCulture = culture; }

        // dotnet-counters writes local time; under the invariant culture as "MM/dd/yyyy HH:mm:ss".
        string At(double t) => Origin.AddSeconds(t).ToLocalTime().ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        const string collections = "dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=";
        Assert.Equal(
            $"""
            Timestamp,Provider,Counter Name,Counter Type,Mean/Increment
            {At(0.5)},System.Runtime,dotnet.process.memory.working_set (By),Metric,100000000
            {At(0.6)},System.Runtime,dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=gen0],Metric,1
            {At(0.6)},System.Runtime,dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=gen1],Metric,2
            {At(0.6)},System.Runtime,dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=gen2],Metric,3
            {At(0.6)},System.Runtime,dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=loh],Metric,4
            {At(0.6)},System.Runtime,dotnet.gc.last_collection.heap.size (By)[gc.heap.generation=poh],Metric,0
            {At(0.7)},System.Runtime,GC Heap Size (MB),Metric,2.5
            {At(0.8)},System.Runtime,Allocation Rate (B / 1 sec),Rate,5
            {At(0.8)},TuiProf.Scenarios,objects-allocated,Metric,7
            {At(1)},System.Runtime,{collections}gen0],Rate,1
            {At(1)},System.Runtime,{collections}gen1],Rate,0
            {At(1)},System.Runtime,{collections}gen2],Rate,0
            {At(1)},System.Runtime,dotnet.gc.pause.time (s / 1 sec),Rate,0.0005
            {At(1.5)},System.Runtime,{collections}gen0],Rate,0
            {At(1.5)},System.Runtime,{collections}gen1],Rate,0
            {At(1.5)},System.Runtime,{collections}gen2],Rate,1
            {At(1.5)},System.Runtime,dotnet.gc.pause.time (s / 1 sec),Rate,0.002

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public void The_json_has_dotnet_counters_fields_with_tags_apart_and_iso_times()
    {
        var output = new StringWriter();

        CountersJsonFormat.Write(output, Recording);

        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal("manual-collect", document.RootElement.GetProperty("TargetProcess").GetString());
        Assert.Equal("2026-01-01T00:00:00.0000000+00:00", document.RootElement.GetProperty("StartTime").GetString());
        var events = document.RootElement.GetProperty("Events").EnumerateArray().ToList();
        Assert.Equal(17, events.Count);
        Assert.All(events, e => Assert.Equal(
            ["timestamp", "provider", "name", "tags", "counterType", "meterTags", "instrumentTags", "value"],
            e.EnumerateObject().Select(p => p.Name)));
        var loh = events[4];
        Assert.Equal("2026-01-01T00:00:00.6000000+00:00", loh.GetProperty("timestamp").GetString());
        Assert.Equal("dotnet.gc.last_collection.heap.size (By)", loh.GetProperty("name").GetString());
        Assert.Equal("gc.heap.generation=loh", loh.GetProperty("tags").GetString());
        Assert.Equal(4, loh.GetProperty("value").GetDouble());
        Assert.Equal("Rate", events[^1].GetProperty("counterType").GetString());
    }
}
