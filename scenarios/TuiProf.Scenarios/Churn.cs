namespace TuiProf.Scenarios;

[Scenario("churn", 7, "Millions of short-lived small objects: the gen-0 sawtooth (.NET only)",
    LookFor = "Inside each Churn bracket the program allocates small strings and arrays that die at once, as fast " +
              "as it can. The GC row fills with 0s: a gen-0 GC every few MB allocated, hundreds a second (the " +
              "gen-0 budget is pinned to 4 MB, which a laptop's cache would give; a server's large cache would " +
              "make it 30 times larger and the GCs that much rarer), each pausing the program for about a tenth " +
              "of a millisecond. Yet the heap line stays flat near the bottom (it swings by only the gen-0 budget, a " +
              "few MB) and RSS barely moves: nothing survives, so each GC has almost nothing to copy and the " +
              "same memory is reused. This is the generational hypothesis at work, and why allocation rate, not " +
              "heap size, drives GC count.")]
public sealed class Churn : Scenario
{
    public override void Run(TextWriter output)
    {
        long checksum = 0;
        for (var round = 0; round < 3; round++)
            checksum += ChurnFor(TimeSpan.FromSeconds(1));
        output.WriteLine($"Churned; checksum {checksum}, gen-0 GCs so far: {GC.CollectionCount(0)}, " +
                         $"allocated so far: {GC.GetTotalAllocatedBytes() / 1_000_000} MB");
    }

    private static long ChurnFor(TimeSpan duration)
    {
        using var activity = Experiment.Source.StartActivity("Churn");
        var end = DateTime.UtcNow + duration;
        long checksum = 0;
        while (DateTime.UtcNow < end)
        {
            for (var i = 0; i < 1_000; i++)
            {
                var text = $"item-{i}";
                var numbers = new int[16];
                numbers[i % 16] = text.Length;
                checksum += numbers[i % 16];
            }
            ScenarioCounters.Log.Allocated(2_000);
        }
        return checksum;
    }
}
