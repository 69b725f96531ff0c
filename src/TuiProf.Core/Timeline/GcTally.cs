namespace TuiProf.Core.Timeline;

/// <summary>
/// The gen-0 and gen-1 GCs from <see cref="T"/> to <see cref="End"/>, counted: what older history keeps of them
/// (gen-2 and induced GCs are kept whole).
/// </summary>
public readonly record struct GcTally(double T, double End, int Gen0, int Gen1, double PauseMs) : ITimeBucket<GcTally>
{
    public static GcTally Of(GcEvent gc) =>
        new(gc.T, gc.T, gc.Generation == 0 ? 1 : 0, gc.Generation == 0 ? 0 : 1, gc.PauseMs);

    public int Count => Gen0 + Gen1;

    public int HighestGeneration => Gen1 > 0 ? 1 : 0;

    public GcTally Then(GcTally later) => new(T, later.End, Gen0 + later.Gen0, Gen1 + later.Gen1, PauseMs + later.PauseMs);
}
