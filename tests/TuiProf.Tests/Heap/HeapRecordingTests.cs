using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Heap;

public class HeapRecordingTests
{
    [Fact]
    public void Allocation_sites_read_back_from_a_recording_as_they_were_written()
    {
        var site = new AllocationSite(2.5, "System.Int64[]", 24_000_024,
            ["TuiProf.Scenarios.Experiment.RandomNumberAverage", "TuiProf.Scenarios.Experiment.ThreeCalls"]);
        var stream = new MemoryStream();
        using (var writer = new JsonLinesWriter(stream)) Assert.True(writer.Write(site));

        var file = JsonLinesReader.Read(new StringReader(System.Text.Encoding.UTF8.GetString(stream.ToArray())));

        Assert.Equal(0, file.SkippedLines);
        Assert.Equal([site], file.Events);
    }
}
