using System.Runtime;

namespace TuiProf.Scenarios;

/// <summary>
/// .NET's nearest thing to Python's <c>gc.disable()</c>. There is no switch that turns the GC off: a no-GC region
/// pre-commits a fixed budget and promises no collection until it is used up. Allocate past it and the runtime
/// silently leaves the region and collects.
/// </summary>
public static class NoGcRegion
{
    /// <summary>Room for the three arrays (24 + 40 + 32 MB) on the LOH, plus small objects.</summary>
    public const long LargeObjectBudget = 112_000_000;
    public const long TotalBudget = LargeObjectBudget + 16_000_000;

    public static void Run(TextWriter output, Action body)
    {
        // Starting the region runs a blocking collection first, to make room for the budget.
        if (!GC.TryStartNoGCRegion(TotalBudget, LargeObjectBudget))
        {
            output.WriteLine("could not start a no-GC region");
            body();
            return;
        }
        output.WriteLine($"no-GC region started: {TotalBudget / 1_000_000} MB budget ({LargeObjectBudget / 1_000_000} MB LOH)");
        body();
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
            output.WriteLine("no-GC region held: no collection ran during the calls");
        }
        else
        {
            output.WriteLine("no-GC region ended early: the budget ran out and the runtime collected");
        }
    }
}
