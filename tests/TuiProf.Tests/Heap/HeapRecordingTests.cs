using TuiProf.Core.Heap;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Heap;

public class HeapRecordingTests
{
    [Fact]
    public void Heap_snapshots_and_allocation_sites_read_back_from_a_recording_as_they_were_written()
    {
        var snapshot = HeapFixtures.Leak(20, 0) with { Incomplete = "12 events lost" };
        var site = new AllocationSite(2.5, "System.Int64[]", 24_000_024,
            ["TuiProf.Scenarios.Experiment.RandomNumberAverage", "TuiProf.Scenarios.Experiment.ThreeCalls"]);
        var stream = new MemoryStream();
        using (var writer = new JsonLinesWriter(stream))
        {
            Assert.True(writer.Write(new HeapSnapshotTaken(1.25, snapshot)));
            Assert.True(writer.Write(site));
        }

        var file = JsonLinesReader.Read(new StringReader(System.Text.Encoding.UTF8.GetString(stream.ToArray())));

        Assert.Equal(0, file.SkippedLines);
        Assert.Equal([new HeapSnapshotTaken(1.25, snapshot), site], file.Events);
    }
}
