namespace TuiProf.Core.Timeline;

/// <summary>
/// What the memory lines are called and, for the heap, what it is: one definition, said the same way by the
/// legend, the README and the pipeline that computes it.
/// </summary>
public static class SeriesNames
{
    public const string Rss = "RSS";

    public const string Heap = "GC heap";

    /// <summary>The GC heap line's definition: the GC's own count of what survived, plus what was allocated since.</summary>
    public const string HeapDefinition = "live after last GC + allocated since";
}
