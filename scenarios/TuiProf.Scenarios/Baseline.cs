namespace TuiProf.Scenarios;

[Scenario("baseline", 1, "Three calls that each allocate a big array (blog: baseline.py)",
    Python = "Memory rises at the start of each call and falls back inside the call's bracket: reference counting " +
             "frees the array the moment the function returns.",
    LookFor = "Each call's array (24, 40, 32 MB of longs) is over 85 000 bytes, so it goes straight to the Large " +
              "Object Heap. Nothing is freed when the call returns: .NET has no reference counting, the array is " +
              "just unreachable. It is reclaimed by the next gen-2 GC, which the next large allocation triggers " +
              "(reason AllocLarge): so the heap line falls at the start of the following bracket, not at the end " +
              "of this one, and the last array stays until the process exits. RSS does not follow the heap down " +
              "at once: the GC keeps freed memory committed for reuse.")]
public sealed class Baseline : Scenario
{
    public override void Run(TextWriter output) => Experiment.ThreeCalls(output);
}
