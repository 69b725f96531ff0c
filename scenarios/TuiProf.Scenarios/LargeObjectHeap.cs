namespace TuiProf.Scenarios;

[Scenario("loh", 8, "Arrays just under and just over the 85 000-byte LOH threshold (.NET only)",
    LookFor = "Two brackets allocate the same number of bytes and drop them at once. SmallArrays uses 80 000-byte " +
              "arrays: they start in gen 0 and die there, so you see frequent cheap gen-0 markers. LargeArrays " +
              "uses 90 000-byte arrays: over the threshold they go to the Large Object Heap, which is only " +
              "collected with gen 2, so the markers turn into gen-2 GCs with reason AllocLarge. A few bytes " +
              "more per array change the collector's whole behaviour.")]
public sealed class LargeObjectHeap : Scenario
{
    private const int Count = 4_000;

    public override void Run(TextWriter output)
    {
        var small = Allocate("SmallArrays", 80_000);
        Thread.Sleep(300);
        var large = Allocate("LargeArrays", 90_000);
        output.WriteLine($"Allocated {Count} x 80 000 B ({small}) and {Count} x 90 000 B ({large}); " +
                         $"gen-0 GCs {GC.CollectionCount(0)}, gen-2 GCs {GC.CollectionCount(2)}");
    }

    private static long Allocate(string name, int bytes)
    {
        using var activity = Experiment.Source.StartActivity(name);
        long checksum = 0;
        for (var i = 0; i < Count; i++)
        {
            var array = new byte[bytes];
            array[i % bytes] = 1;
            checksum += array[i % bytes];
            if (i % 100 == 0)
                Thread.Sleep(10);
        }
        return checksum;
    }
}
