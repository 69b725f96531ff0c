namespace TuiProf.Scenarios;

[Scenario("baseline", 1, "Three calls that each allocate a big array (blog: baseline.py)",
    Python = "Memory rises at the start of each call and falls back inside the call's bracket: reference counting " +
             "frees the array the moment the function returns.",
    LookFor = "Each call's array (24, 40, 32 MB of longs) is over 85 000 bytes, so it goes straight to the Large " +
              "Object Heap. Nothing is freed when a call returns: .NET has no reference counting, the array is " +
              "just unreachable until a GC looks. The second call's large allocation triggers a gen-2 GC (reason " +
              "AllocLarge) that reclaims the first array, so the heap steps from 24 to 40 MB, not to 64. The third " +
              "call may or may not trigger another: it depends on the LOH budget the last GC set. When it does not, " +
              "the heap climbs to 72 MB, the dead second array still in it, and stays there until the process " +
              "exits. RSS never falls: the GC keeps freed memory committed for reuse.")]
public sealed class Baseline : Scenario
{
    public override void Run(TextWriter output) => Experiment.ThreeCalls(output);
}
