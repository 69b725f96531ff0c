using TuiProf.Core.Sources;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Sources;

public sealed class AllocationBucketsTests
{
    [Fact]
    public void Samples_are_summed_by_type_over_each_span_and_none_is_lost()
    {
        var handed = new List<TimelineEvent>();
        var buckets = new AllocationBuckets(handed.Add);

        // 25 ms of samples, one every millisecond, alternating two types: three spans of 10 ms.
        for (var ms = 0; ms < 25; ms++) buckets.Add(1 + ms / 1000.0, ms % 2 == 0 ? "Byte[]" : "String", 100.4);
        var beforeFlush = handed.Count;
        buckets.Flush();

        var samples = handed.Cast<AllocationSample>().ToList();
        Assert.Equal(4, beforeFlush); // two full spans, two types each
        Assert.Equal(6, samples.Count);
        Assert.Equal(25 * 100.4, samples.Sum(s => s.Bytes), 1.0);
        Assert.Equal([1.009, 1.009, 1.019, 1.019, 1.024, 1.024], samples.Select(s => Math.Round(s.T, 3)));
        Assert.Equal(13 * 100.4, samples.Where(s => s.TypeName == "Byte[]").Sum(s => s.Bytes), 1.0);
    }

    [Fact]
    public void A_flush_with_nothing_summed_hands_on_nothing()
    {
        var handed = new List<TimelineEvent>();
        var buckets = new AllocationBuckets(handed.Add);

        buckets.Flush();

        Assert.Empty(handed);
    }
}
