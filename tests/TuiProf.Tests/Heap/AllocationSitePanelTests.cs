using TuiProf.Core.Heap;
using TuiProf.Core.Sources;
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
               64.0 MB        2  System.Int64[] <- TuiProf.Scenarios.Experiment.Ra
              100.0 KB        1  System.String <- System.String.Join
            """.ReplaceLineEndings("\n"), string.Join('\n', lines));
    }
}
