using TuiProf.Core.Heap;

namespace TuiProf.Tests.Heap;

public class LeakSuspectsTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_type_that_grew_in_every_interval_is_a_suspect_with_its_rate_per_minute()
    {
        var series = Series(("System.Byte[]", [(10, 20_000_000), (20, 40_000_000), (30, 60_000_000)]));

        var suspect = Assert.Single(LeakSuspects.Rank(series, 3));

        Assert.Equal("System.Byte[]", suspect.Type);
        Assert.Equal(40_000_000 / (20 / 60.0), suspect.BytesPerMinute, 1e-6); // 40 MB in the 20 s of the series
        Assert.Equal(20, suspect.CountGrowth);
        Assert.StartsWith("grew in all 2 intervals: +20 objects, +120.0 MB/min", suspect.Verdict);
    }

    [Fact]
    public void A_type_that_grew_and_fell_back_is_not_a_suspect_however_much_it_grew()
    {
        var series = Series(
            ("Cache", [(10, 1_000_000), (500, 50_000_000), (400, 40_000_000), (900, 90_000_000)]),
            ("Leak", [(1, 100_000), (2, 200_000), (3, 300_000), (4, 400_000)]));

        Assert.Equal(["Leak"], LeakSuspects.Rank(series, 3).Select(s => s.Type));
    }

    [Fact]
    public void A_type_whose_memory_grew_every_time_is_a_suspect_though_its_count_fell_or_stayed()
    {
        // Seen on the leak scenario snapshotted at its start: the small arrays of the start freed, the buffers kept.
        var series = Series(
            ("System.Byte[]", [(136, 2_014_190), (42, 40_008_774), (62, 80_009_254)]),
            ("System.Int64[]", [(1, 1_000_000), (1, 2_000_000), (1, 4_000_000)]));

        var suspects = LeakSuspects.Rank(series, 3);

        Assert.Equal(["System.Byte[]", "System.Int64[]"], suspects.Select(s => s.Type));
        Assert.StartsWith("grew in all 2 intervals: -74 objects, ", suspects[0].Growth);
        Assert.StartsWith("grew in all 2 intervals: 0 objects, ", suspects[1].Growth);
    }

    [Fact]
    public void Growth_below_the_noise_floor_and_a_single_snapshot_give_no_suspect()
    {
        Assert.Empty(LeakSuspects.Rank(Series(("System.String", [(100, 3_000), (110, 3_300), (120, 3_600)])), 3));
        Assert.Empty(LeakSuspects.Rank(Series(("System.Byte[]", [(10, 20_000_000)])), 3));
    }

    [Fact]
    public void Suspects_are_ranked_by_growth_and_cut_at_the_count_asked()
    {
        var series = Series(
            ("Small", [(1, 100_000), (2, 200_000)]),
            ("Large", [(1, 1_000_000), (2, 9_000_000)]),
            ("Middle", [(1, 1_000_000), (2, 2_000_000)]));

        Assert.Equal(["Large", "Middle"], LeakSuspects.Rank(series, 2).Select(s => s.Type));
    }

    /// <summary>Snapshots 10 s apart; each type's (count, bytes) per snapshot, retained = bytes.</summary>
    private static List<HeapSnapshot> Series(params (string Name, (int Count, long Bytes)[] Points)[] types) =>
        Enumerable.Range(0, types.Max(t => t.Points.Length))
            .Select(i => new HeapSnapshot(Start.AddSeconds(10 * i), 0, 0,
                types.Where(t => i < t.Points.Length).Select(t => new HeapTypeStats(t.Name, t.Points[i].Count, t.Points[i].Bytes, t.Points[i].Bytes)).ToList(),
                new SnapshotCost(i, 1, 0.1, 0.01)))
            .ToList();
}
