namespace TuiProf.Core.Timeline;

/// <summary>Per-generation heap sizes in bytes, as reported after a GC (GCHeapStats) or by runtime counters.</summary>
public sealed record GenerationSizes(long Gen0, long Gen1, long Gen2, long Loh, long Poh)
{
    public long Total => Gen0 + Gen1 + Gen2 + Loh + Poh;
}
