namespace TuiProf.Tests.Tui;

/// <summary>With --call-sites the Allocations panel names who allocates: sampled stacks resolved to methods, live.</summary>
public class CallSitesScreenTests
{
    [Fact(Timeout = 60_000)]
    public async Task With_call_sites_the_panel_names_RandomNumberAverage_as_the_call_site_of_the_Int64_arrays()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40, [], ["run", "baseline", "--call-sites"]);
        await tui.WaitForRunningTargetAsync();
        await tui.TabToPanelAsync("Allocations by type");
        // The sites come under the types: page down until they show.
        await tui.WaitForAsync(s => s.Contains("whole session") && s.Contains("PgDn"), "the types, and more to page to");
        string? screen = null;
        var lastMiss = "";
        for (var page = 0; page < 4 && screen is null; page++)
        {
            await tui.SendKeysAsync("PageDown");
            try
            {
                screen = await tui.WaitForAsync(s => s.Contains("call sites in view") && s.Contains("Int64[] <- "),
                    "the call sites of the scenario's arrays", seconds: 3);
            }
            catch (TimeoutException miss) { lastMiss = miss.Message; } // not on this page: on to the next
        }
        Assert.True(screen is not null, lastMiss);

        var top = screen!.Split('\n').First(l => l.Contains("Int64[] <- "));
        Assert.Contains("RandomNumberAverage", top);
    }
}
