namespace TuiProf.Scenarios;

[Scenario("gc-disabled", 2, "The same three calls inside a no-GC region (blog: gc.disable())",
    Python = "Looks like the baseline: gc.disable() only stops the cycle collector, reference counting still frees " +
             "each array when the call returns.",
    LookFor = "GC.TryStartNoGCRegion is the closest .NET has to gc.disable(), and it really stops the collector: " +
              "starting it runs one blocking gen-2 GC to make room for the budget (it shows as an induced marker), " +
              "then there is no GC marker at all " +
              "during the three brackets and the heap climbs in three steps (24, 40, 32 MB) without ever " +
              "falling. Unlike Python, the difference from the baseline is stark. The price is the budget: the " +
              "region only holds while allocations stay under what was asked for up front (here 128 MB); one byte " +
              "more and the runtime leaves the region and collects. Between runs, once the region has ended, a " +
              "small gen-0 or gen-1 GC may come. Press g during a bracket: the forced GC runs " +
              "anyway and ends the region, and the scenario prints that it ended early.")]
public sealed class GcDisabled : Scenario
{
    public override void Run(TextWriter output) => NoGcRegion.Run(output, () => Experiment.ThreeCalls(output));
}
