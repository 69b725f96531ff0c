using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// A sampled allocation (GCAllocationTick, about every 100 KB a thread allocates) with the managed methods on its
/// stack, innermost first: <c>Frames[0]</c> is the call site that allocated. Recorded as an <c>allocsite</c> line.
/// </summary>
public sealed record AllocationSite(double T, string TypeName, long Bytes, IReadOnlyList<string> Frames) : TimelineEvent(T)
{
    public string Site => Frames.Count > 0 ? Frames[0] : "?";
}

/// <summary>Bytes allocated at one call site, of one type, as estimated from the samples.</summary>
public sealed record SiteTotal(string Site, string TypeName, long Bytes, int Samples);

/// <summary>Sums allocation samples by call site and type: over a session, or over one call's span of samples.</summary>
public static class AllocationSites
{
    public static IReadOnlyList<SiteTotal> Top(IEnumerable<AllocationSite> samples, int count) =>
        samples.GroupBy(s => (s.Site, s.TypeName))
            .Select(g => new SiteTotal(g.Key.Site, g.Key.TypeName, g.Sum(s => s.Bytes), g.Count()))
            .OrderByDescending(t => t.Bytes).ThenBy(t => t.Site, StringComparer.Ordinal)
            .Take(count).ToList();
}
