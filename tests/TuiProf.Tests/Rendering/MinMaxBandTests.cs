using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Rendering;

public class MinMaxBandTests
{
    /// <summary>
    /// 100 s of older history, summarised: RSS at 10 MB from 0 to 10 s, then readings from 40 s to 50 s that went
    /// between 10 MB and 90 MB and ended at 50 MB, then 50 MB from 80 to 90 s. Each summary's band spans the columns
    /// from its first reading to its last; the line joins them.
    /// </summary>
    private static TimelineWindow Window() => new(0, 100, [], [], [], [])
    {
        OlderRss =
        [
            new MemoryRange(0, 10, 10_000_000, 10_000_000, 10_000_000), new MemoryRange(40, 50, 10_000_000, 90_000_000, 50_000_000),
            new MemoryRange(80, 90, 50_000_000, 50_000_000, 50_000_000),
        ],
    };

    [Fact]
    public void A_column_over_many_readings_draws_a_band_from_their_min_to_their_max_in_ascii()
    {
        var frame = ChartRenderer.Render(Window(), 40, 12, ChartGlyphs.Ascii);

        Assert.Equal(
            """
            GC
            100 MB|
                  |             ****
                  |             ****
             50 MB|             *****************
                  |             ****
                  |             ****
                  |*****************
              0 MB|
                  ++--------+---------+---------+---
                   0s       30s       60s       90s


            """.Replace("\r", ""), frame.ToString());
    }

    [Fact]
    public void A_column_over_many_readings_draws_a_band_of_braille_dots_from_their_min_to_their_max()
    {
        var frame = ChartRenderer.Render(Window(), 40, 12, ChartGlyphs.Unicode);

        var x = 7 + new PlotArea(0, 0, 40 - 7, 8, 0, 100).Column(50);
        var band = Enumerable.Range(0, frame.Height).Where(y => frame.RoleAt(x, y) == CellRole.Rss).ToList();
        Assert.Equal(Enumerable.Range(band[0], band.Count), band); // one unbroken run of cells...
        Assert.True(band.Count >= 6, frame.ToString()); // ...from 10 MB up to 90 MB of the 8 rows for 0-100 MB
    }
}
