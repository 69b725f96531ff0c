using System.Text.Json;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Heap;

public class HeapCommandTests
{
    [Fact(Timeout = 60_000)]
    public async Task Heap_leak_with_diff_prints_json_with_the_buffers_growing_and_the_static_event_that_holds_them()
    {
        var result = await TuiProfCli.RunAsync("heap", "leak", "--diff", "1.5", "--format", "json", "--top", "5");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var top = json.RootElement.GetProperty("diff").GetProperty("types")[0];
        Assert.Equal("System.Byte[]", top.GetProperty("name").GetString());
        Assert.True(top.GetProperty("bytesDelta").GetInt64() >= 4_000_000, top.ToString());
        var path = json.RootElement.GetProperty("retention").GetProperty("paths")[0];
        Assert.Equal("StaticField", path.GetProperty("rootKind").GetString());
        Assert.Equal("ConfigurationChanged", path.GetProperty("field").GetString());
        Assert.True(json.RootElement.GetProperty("second").GetProperty("pauseMs").GetDouble() > 0);
        // The static event's handlers: each a closure holding one 2 MB buffer.
        var handlers = json.RootElement.GetProperty("second").GetProperty("handlers")[0];
        Assert.Equal("System.EventHandler", handlers.GetProperty("delegateType").GetString());
        Assert.Equal("TuiProf.Scenarios.Leak+<>c__DisplayClass6_0", handlers.GetProperty("targetType").GetString());
        Assert.InRange(handlers.GetProperty("targetsRetained").GetInt64(), handlers.GetProperty("targets").GetInt32() * 2_000_000L,
            handlers.GetProperty("targets").GetInt32() * 2_001_000L);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(2, "heap", "leak", "--top", "0")]
    [InlineData(2, "heap", "leak", "--diff", "-1")]
    [InlineData(2, "heap", "leak", "--format", "xml")]
    [InlineData(2, "heap")]
    [InlineData(1, "heap", "--pid", "999999")]
    public async Task Bad_heap_input_gives_one_line_and_the_usual_exit_code(int code, params string[] arguments)
    {
        var result = await TuiProfCli.RunAsync(arguments);

        Assert.Equal(code, result.ExitCode);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tuiprof: ", result.StandardError);
    }

    [Fact(Timeout = 60_000)]
    public async Task Heap_baseline_with_allocations_names_RandomNumberAverage_as_the_site_allocating_Int64_arrays()
    {
        var result = await TuiProfCli.RunAsync("heap", "baseline", "--allocations", "--wait", "2", "--format", "json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var site = json.RootElement.GetProperty("allocationSites").EnumerateArray()
            .First(s => s.GetProperty("typeName").GetString() == "System.Int64[]");
        Assert.Equal("TuiProf.Scenarios.Experiment.RandomNumberAverage", site.GetProperty("site").GetString());
        Assert.Empty(json.RootElement.GetProperty("snapshot").GetProperty("handlers").EnumerateArray()); // no event keeps anything
    }
}
