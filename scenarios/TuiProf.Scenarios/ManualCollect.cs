using System.Diagnostics;

namespace TuiProf.Scenarios;

[Scenario("manual-collect", 5, "A timed GC.Collect() between the 2nd and 3rd call (blog: gc.collect())",
    Python = "The cycles pile up until gc.collect() runs before the third call; memory then drops back to where " +
             "it was before the first call. The collect took about 5 ms.",
    LookFor = "An induced gen-2 GC marker between the second and third bracket, and the heap drops to near zero: " +
              "every array so far is dead. In the first run the first array was already reclaimed by the " +
              "AllocLarge GC at the start of the second call, so the collect frees only the second (40 MB); from " +
              "the second run on, the budget has grown, the AllocLarge GC comes at the first call instead, and " +
              "the collect frees the first two arrays (64 MB). The collection is a blocking full GC and is fast " +
              "(the time is printed: about 1 ms alone, a few ms while profiled), since arrays of longs hold no " +
              "references to trace. RSS does not drop at the collect: the freed memory stays committed for reuse " +
              "(some is handed back to the OS at the next AllocLarge GC).")]
public sealed class ManualCollect : Scenario
{
    public override void Run(TextWriter output) =>
        Experiment.ThreeCalls(output, CircularList.Hold, beforeThirdCall: () =>
        {
            var stopwatch = Stopwatch.StartNew();
            GC.Collect();
            stopwatch.Stop();
            output.WriteLine($"Clean up took {stopwatch.Elapsed.TotalSeconds:F6} seconds");
        });
}
