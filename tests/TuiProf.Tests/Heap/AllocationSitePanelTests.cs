using TuiProf.Core.Heap;
using TuiProf.Core.Timeline;
using TuiProf.Screen;

namespace TuiProf.Tests.Heap;

public class AllocationSitePanelTests
{
    [Fact]
    public void Call_sites_are_summed_by_site_and_type_and_listed_by_bytes()
    {
        AllocationSite[] samples =
        [
            new(1, "System.Int64[]", 24_000_024, ["TuiProf.Scenarios.Experiment.RandomNumberAverage", "Main"]),
            new(2, "System.Int64[]", 40_000_024, ["TuiProf.Scenarios.Experiment.RandomNumberAverage", "Main"]),
            new(2.5, "System.String", 100_000, ["System.String.Join", "Main"]),
        ];

        var lines = AllocationSitePanel.Lines("whole session", AllocationSites.Top(samples, 5), 70);

        Assert.Equal(
            """
            whole session
                 bytes  samples  type <- call site
               64.0 MB        2  Int64[] <- Experiment.RandomNumberAverage
              100.0 KB        1  String <- String.Join
            """.ReplaceLineEndings("\n"), string.Join('\n', lines));
    }

    [Theory]
    [InlineData(100, "   64.0 MB        1  System.Int64[] <- TuiProf.Scenarios.Experiment.RandomNumberAverage")]
    [InlineData(56, "   64.0 MB  Int64[] <- Experiment.RandomNumberAverage")] // the panel at 80 columns
    public void Names_lose_their_namespaces_then_the_samples_column_before_the_method_is_cut(int width, string row)
    {
        var sites = AllocationSites.Top([new AllocationSite(1, "System.Int64[]", 64_000_000, ["TuiProf.Scenarios.Experiment.RandomNumberAverage"])], 5);

        Assert.Equal(row, AllocationSitePanel.Lines("t", sites, width)[2]);
    }

    [Fact]
    public void Dots_inside_generic_arguments_are_not_namespaces()
    {
        var sites = AllocationSites.Top([new AllocationSite(1, "System.Collections.Generic.Dictionary`2[System.UInt64,System.String]", 1_000_000,
            ["System.Collections.Generic.Dictionary`2[System.UInt64,System.__Canon].Resize"])], 5);

        Assert.EndsWith("  Dictionary`2[System.UInt64,System.String] <- Dictionary`2[System.UInt64,System.__Canon].Resize",
            AllocationSitePanel.Lines("t", sites, 130)[2]);
    }
}
