using TuiProf.Core.Fleet;
using TuiProf.Core.Targets;
using TuiProf.Core.Rendering;
using TuiProf.Top;

namespace TuiProf.Tests.Top;

/// <summary><c>tuiprof top</c>'s screen drawn from rows made here, as text.</summary>
public class TopRendererTests
{
    private static ProcessSummary Summary(long heap, long? growth = null, double gen0 = 0) =>
        new(Rss: heap * 2, Heap: heap, HeapHistory: [heap / 4, null, heap / 2, heap], GcsPerSecond: [gen0, 0.1, 0], InGcPercent: 1.2,
            AllocationRate: 12_500_000, Gen2Growth: growth);

    private static readonly IReadOnlyList<ProcessRow> Rows =
    [
        new("pid 101", 101, "Shop.Orders.Api", "dotnet /srv/Shop.Orders.Api.dll --urls http://+:80", null, false, Summary(80_000_000, growth: 40_000_000)),
        new("pid 7", 7, "TuiProf.Scenarios", "/usr/bin/dotnet /opt/TuiProf.Scenarios.dll churn --loop", null, true, Summary(400_000, gen0: 33)),
        new("pid 4194304", 4194304, "worker", "/app/worker", "process 4194304: not answering (stopped?)", false, null),
    ];

    private static string Draw(int width, int height, TopState state)
    {
        var grid = new CellGrid(width, height);
        TopRenderer.Draw(grid, state.Shown(Rows), state, "12:00:00");
        return grid.ToString();
    }

    [Fact]
    public void At_80x24_each_process_is_a_row_with_its_numbers_and_the_selected_one_is_told_in_full()
    {
        var screen = Draw(80, 24, new TopState { Ascii = true });

        var lines = screen.Split('\n');
        Assert.StartsWith(" TuiProf top  3 .NET processes  sort: heap", lines[0]);
        Assert.Equal("      PID NAME                   RSS   HEAP  HEAP 5 min GC/s 0/1/2  GC% ALLOC/s", lines[1].TrimEnd());
        Assert.Equal(">     101 Api --urls http://~   160M  80.0M^       _ -#    0/0.1/0  1.2   12.5M", lines[2].TrimEnd());
        Assert.Equal(" *      7 Scenarios churn --~   800K   400K        _ -#   33/0.1/0  1.2   12.5M", lines[3].TrimEnd());
        Assert.Equal("  4194304 worker              process 4194304: not answering (stopped?)", lines[4].TrimEnd());
        Assert.Contains(" heap +40.0M across 4 gen-2 GCs: pid 101 dotnet /srv/Shop.Orders.Api.dll", lines[20]);
        Assert.All(lines, line => Assert.True(line.Length <= 80));
    }

    [Fact]
    public void Sorting_by_name_and_filtering_by_text_change_the_rows_and_the_title_says_so()
    {
        var state = new TopState { Sort = ProcessSort.All.Single(s => s.Name == "name"), Filter = "loop" };

        var screen = Draw(120, 40, state);

        Assert.Contains("1 .NET process  sort: name  filter: loop", screen);
        Assert.Contains("TuiProf.Scenarios churn --loop", screen);
        Assert.DoesNotContain("Shop.Orders", screen.Split('\n')[2]);
    }

    [Fact]
    public void Sparkline_scales_from_zero_to_its_largest_value_and_leaves_missing_values_empty()
    {
        Assert.Equal(" .-#", Sparkline.Of([null, 10, 50, 100], braille: false));
        Assert.Equal("\u2800\u28FC", Sparkline.Of([null, null, 50, 100], braille: true)); // 2 dots of 4, then 4
        Assert.Equal(2, Sparkline.Of([1, 2, 3, 4], braille: true).Length);
    }

    [Theory]
    [InlineData("dotnet|/srv/Shop.Api.dll|--urls|x", "dotnet", "Shop.Api")]
    [InlineData("/usr/bin/dotnet|exec|--runtimeconfig|a.json|/app/Worker.dll", "dotnet", "Worker")]
    [InlineData("/usr/share/dotnet/dotnet|build", "dotnet", "dotnet build")]
    [InlineData("/app/My.Long.Service.Name|--port|1", "My.Long.Servic", "My.Long.Service.Name")]
    [InlineData("", "worker", "worker")]
    public void A_process_is_named_by_its_entry_assembly_not_by_its_host(string arguments, string comm, string name) =>
        Assert.Equal(name, EntryName.Of(arguments.Split('|', StringSplitOptions.RemoveEmptyEntries), comm));

    [Theory]
    [InlineData(new long[] { 10_000_000, 12_000_000, 14_000_000, 16_000_000 }, 6_000_000L)]
    [InlineData(new long[] { 10_000_000, 12_000_000, 11_000_000, 16_000_000 }, null)] // fell back once: a cache, not a leak
    [InlineData(new long[] { 10_000_000, 10_100_000, 10_200_000, 10_300_000 }, null)] // rose by less than the floor
    [InlineData(new long[] { 12_000_000, 14_000_000, 16_000_000 }, null)] // too few gen-2 GCs to tell
    public void The_growth_flag_needs_the_heap_after_each_of_the_last_gen2_GCs_to_rise(long[] afterGen2, long? growth) =>
        Assert.Equal(growth, ProcessSummary.Gen2GrowthOf(afterGen2));
}
