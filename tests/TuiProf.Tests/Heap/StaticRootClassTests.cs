using System.Diagnostics;
using System.Text.Json;
using TuiProf.Core.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Targets;

namespace TuiProf.Tests.Heap;

/// <summary>
/// A static root names the class that declares its field: the runtime's dump gives only the field and its object's
/// type, and the class is the one thing a user must know to fix the leak.
/// </summary>
[Collection(TestProjectsCollection.Name)]
public sealed class StaticRootClassTests(TestProjects projects) : TargetTest
{
    [Fact(Timeout = 120_000)]
    public async Task A_cache_class_whose_static_dictionary_grows_is_named_with_its_field_on_the_path_to_the_growing_buffers()
    {
        using var limit = new CancellationTokenSource(HangLimit);
        var app = DotNetCommands.Dotnet(Tree, [projects.CacheApp]).ExecuteAsync(limit.Token);
        for (var waited = Stopwatch.StartNew(); !DiagnosticSocket.IsPublished(app.ProcessId); await Task.Delay(20, limit.Token))
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the app's runtime never published its socket");

        var result = await TuiProfCli.RunAsync("heap", "--pid", $"{app.ProcessId}", "--diff", "1", "--format", "json", "--top", "5");
        await limit.CancelAsync();

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var retention = json.RootElement.GetProperty("retention");
        Assert.Equal("System.Byte[]", retention.GetProperty("type").GetString());
        var path = retention.GetProperty("paths")[0];
        // PriceList has a static 'Entries' too (a List<int>): the field's type tells the two apart.
        Assert.Equal("Shop.ResponseCache", path.GetProperty("class").GetString());
        Assert.Equal("Entries", path.GetProperty("field").GetString());
    }

    [Fact(Timeout = 120_000)]
    public async Task On_leak_the_path_names_the_static_event_as_Leak_ConfigurationChanged_and_the_closure_with_its_outer_class()
    {
        var result = await TuiProfCli.RunAsync("heap", "leak", "--diff", "1", "--top", "3");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("via static field TuiProf.Scenarios.Leak.ConfigurationChanged (System.EventHandler)", result.StandardOutput);
        Assert.Contains("-> TuiProf.Scenarios.Leak+<>c__DisplayClass6_0", result.StandardOutput); // the dump says "<>c__DisplayClass6_0"
    }
}
