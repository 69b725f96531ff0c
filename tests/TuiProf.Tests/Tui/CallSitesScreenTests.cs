namespace TuiProf.Tests.Tui;

/// <summary>With --allocations the Allocations panel names who allocates: sampled stacks resolved to methods, live.</summary>
public class CallSitesScreenTests
{
    [Fact]
    public async Task With_allocations_the_panel_names_RandomNumberAverage_as_the_call_site_of_the_Int64_arrays()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40, [], ["run", "baseline", "--allocations"]);
        await tui.WaitForRunningTargetAsync();
        await tui.TabToPanelAsync("Allocations by type");

        var screen = await tui.WaitForAsync(s => s.Contains("call sites in view") && s.Contains("System.Int64[] <- "),
            "the call sites of the scenario's arrays");

        var top = screen.Split('\n').First(l => l.Contains("System.Int64[] <- "));
        Assert.Contains("RandomNumberAverage", top);
    }
}
