using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Timeline;

[Collection(nameof(BusyDay))]
public class TimelineHistoryTests(BusyDay day)
{
    [Fact]
    public void A_busy_day_of_one_process_stays_under_the_stated_bound()
    {
        Assert.True(day.Bytes < TimelineCapacity.BytesPerProcess,
            $"{day.Bytes / 1e6:0.0} MB after 24 h, the bound is {TimelineCapacity.BytesPerProcess / 1e6:0.0} MB");
    }

    [Fact]
    public void Home_goes_back_to_hour_0_after_a_busy_day()
    {
        Assert.Equal(0, day.Timeline.Oldest);
    }

    [Fact]
    public void Scrolled_back_to_hour_0_the_window_still_has_its_gen_2_gcs_and_its_min_and_max()
    {
        using var window = day.Timeline.Window(0, 3600);

        Assert.Equal(Enumerable.Range(0, 120).Select(i => i * 30.0), window.Gcs.Where(g => g.Generation == 2 && g.T < 3600).Select(g => g.T));
        Assert.Contains(window.OlderRss, r => r.Max == BusyDay.SpikeRss && r.T <= 10 && r.End >= 10);
        Assert.Contains(window.OlderRss, r => r.Min == BusyDay.DipRss && r.T <= 20 && r.End >= 20);
        Assert.Equal(3600 * 50 - 120, window.CountedGcs.Where(c => c.End < 3600).Sum(c => c.Gen0)); // every gen-0 GC, counted
        Assert.Equal(3600 * 20, window.CallTallies.Where(c => c.End < 3600).Sum(c => c.Count) + window.Brackets.Count(b => b.End < 3600));
    }

    [Fact]
    public void A_chart_of_hour_0_draws_its_first_minute_as_a_band_from_the_dip_to_the_spike_and_marks_its_gen_2_gcs()
    {
        using var window = day.Timeline.Window(0, 3600);

        var frame = ChartRenderer.Render(window, 200, 20, ChartGlyphs.Ascii);

        // Hour 0 is kept per minute: the first minute's band, drawn at its last reading, runs from the dip at 20 MB
        // (the bottom row) to the spike at 900 MB (the second of 16 rows for 0-1000 MB).
        var x = frame.Line(2).IndexOf('*');
        Assert.InRange(x - "1000 MB|".Length, 0, 3); // 3 600 s over 192 columns: a minute is 3.2 of them
        Assert.All(Enumerable.Range(2, 15), y => Assert.Equal('*', frame.CharAt(x, y)));
        Assert.True(frame.Line(0).Count(c => c == '2') >= 100, frame.Line(0)); // 120 gen-2 GCs, some sharing a column
    }

    [Fact]
    public void Zoomed_in_to_5_s_of_hour_0_its_first_minutes_band_fills_the_width()
    {
        using var window = day.Timeline.Window(0, 5);

        var frame = ChartRenderer.Render(window, 80, 20, ChartGlyphs.Ascii);

        var plot = Enumerable.Range("1000 MB|".Length, 80 - "1000 MB|".Length);
        Assert.All(plot, x => Assert.Equal('*', frame.CharAt(x, 2))); // 900 MB somewhere in the minute...
        Assert.All(plot, x => Assert.Equal('*', frame.CharAt(x, 16))); // ...and 20 MB: no finer reading is held
    }

    [Fact]
    public void A_window_at_the_live_end_has_every_sample_at_full_rate()
    {
        using var window = day.Timeline.Window(BusyDay.Seconds - 5, BusyDay.Seconds);

        var times = window.Rss.Select(s => s.T).Where(t => t >= BusyDay.Seconds - 5).ToList();
        Assert.Equal(5 * 25, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(0.04, pair.Second - pair.First, 1e-9));
        Assert.DoesNotContain(window.OlderRss, r => r.End >= BusyDay.Seconds - 5); // only the one before, for the line's start
    }

    [Fact]
    public void Stats_count_every_gc_of_the_day_by_generation()
    {
        var stats = day.Timeline.Stats();

        Assert.Equal([86_400 * 50 - 86_400 / 30, 0, 86_400 / 30], stats.GcCountByGeneration);
        Assert.Equal(BusyDay.SpikeRss, stats.PeakRss);
    }

    [Fact]
    public void Readings_leaving_the_full_rate_buffer_are_summarised_per_second_then_per_minute_and_the_oldest_minutes_dropped()
    {
        var capacity = new TimelineCapacity(Samples: 10, Gcs: 10, Brackets: 10, OutputLines: 1)
        {
            MemoryLevels = [new BucketLevel(1, 30), new BucketLevel(60, 2)],
        };
        var timeline = new Core.Timeline.Timeline(capacity);
        for (var i = 0; i < 10 * 300; i++) timeline.Apply(new MemorySample(i / 10.0, Rss: i == 100 ? 5_000 : 1_000 + i % 10));

        using var window = timeline.Window(0, 300);

        // 300 s: the last second whole; before it 31 one-second ranges (30 closed, one filling); before them three
        // one-minute ranges (2 closed, one filling); the first two minutes dropped.
        Assert.Equal(10, window.Rss.Count);
        Assert.Equal([(120.0, 179.9), (180, 239.9), (240, 267.9)], window.OlderRss.Take(3).Select(r => (r.T, Math.Round(r.End, 1))));
        Assert.Equal(Enumerable.Range(268, 31).Select(s => (double)s), window.OlderRss.Skip(3).Select(r => r.T));
        Assert.All(window.OlderRss, r => Assert.Equal((1_000, 1_009), (r.Min, r.Max)));
        Assert.Equal(120, timeline.Oldest);
        Assert.Equal(5_000, timeline.Stats().PeakRss); // the minute of the spike is gone from the buffers, not from the peak
    }

    [Fact]
    public void An_empty_timeline_is_a_few_kilobytes_and_an_hour_at_one_reading_a_second_a_few_hundred()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var timeline = new Core.Timeline.Timeline();
        var empty = GC.GetAllocatedBytesForCurrentThread() - before;
        var samples = Enumerable.Range(0, 3600).Select(t => new MemorySample(t, Rss: 100_000_000)).ToList();
        before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var sample in samples) timeline.Apply(sample);
        var hour = empty + GC.GetAllocatedBytesForCurrentThread() - before + samples.Count * 72L; // 72: one sample object

        // Measured: an empty timeline 2.6 KB; an hour of 1 Hz readings ~0.3 MB live (the 3 600 samples 260 KB of it).
        Assert.True(empty < 8_000, $"empty: {empty} bytes");
        Assert.True(hour < 500_000, $"an hour at 1 Hz: {hour} bytes");
    }
}
