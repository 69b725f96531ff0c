namespace TuiProf.Scenarios;

[Scenario("cycle", 4, "Each array kept in a list that contains itself (blog: circular reference, GC on)",
    Python = "Memory only climbs: reference counts never reach zero in a cycle, and the cycle collector did not " +
             "run during the experiment.",
    LookFor = "Exactly the baseline's picture. A tracing GC starts from the roots (stacks, statics) and never " +
              "counts references, so an unreachable cycle is garbage like any other object: the list that holds " +
              "itself and its array are reclaimed by the same AllocLarge gen-2 GCs as in the baseline, and the " +
              "heap goes up and down the same way. Cycles are no special case in .NET.")]
public sealed class Cycle : Scenario
{
    public override void Run(TextWriter output) => Experiment.ThreeCalls(output, CircularList.Hold);
}
