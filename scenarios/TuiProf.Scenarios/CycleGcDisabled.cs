namespace TuiProf.Scenarios;

[Scenario("cycle-gc-disabled", 3, "Circular references inside a no-GC region (blog: circular reference + gc.disable())",
    Python = "The picture the author wanted: memory climbs with each call and never falls, because cycles need the " +
             "(disabled) cycle collector.",
    LookFor = "The same staircase as gc-disabled, for a different reason than Python's: nothing is freed because " +
              "no GC runs at all in the region, not because of the cycle. The cycle adds nothing: compare with " +
              "gc-disabled, the two graphs are the same.")]
public sealed class CycleGcDisabled : Scenario
{
    public override void Run(TextWriter output) =>
        NoGcRegion.Run(output, () => Experiment.ThreeCalls(output, CircularList.Hold));
}
