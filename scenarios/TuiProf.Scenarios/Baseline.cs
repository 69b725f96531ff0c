namespace TuiProf.Scenarios;

[Scenario("baseline", 1, "Three calls that each allocate a big array (blog: baseline.py)",
    Python = "Memory rises at the start of each call and falls back inside the call's bracket: reference counting " +
             "frees the array the moment the function returns.",
    LookFor = "Each call's array (24, 40, 32 MB of longs) is over 85 000 bytes, so it goes straight to the Large " +
              "Object Heap. Nothing is freed when a call returns: .NET has no reference counting, the array is " +
              "just unreachable until a GC looks. Only large allocations start GCs here: a gen-2 GC (reason " +
              "AllocLarge) as a call allocates, which reclaims every array whose call has returned, so the heap " +
              "goes up and down (a GC leaves at most two arrays) instead of growing. Which call triggers it depends " +
              "on the LOH budget the last GC set: in the first run it is the second call, so the heap steps from " +
              "24 to 40 MB, not to 64; later runs shift. RSS does not fall when a call returns: it falls only at " +
              "some of those GCs, when the GC hands freed LOH memory back to the OS; the rest stays committed for " +
              "reuse.")]
public sealed class Baseline : Scenario
{
    public override void Run(TextWriter output) => Experiment.ThreeCalls(output);
}
