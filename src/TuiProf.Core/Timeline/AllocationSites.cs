namespace TuiProf.Core.Timeline;

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
