using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace TuiProf.Core.Sources;

/// <summary>
/// Merges the providers several sources ask for: EventPipe takes each provider once, so two sources of the same
/// provider (GC events at Informational, allocation ticks at Verbose) share one entry with the higher level, both
/// keyword masks and both argument lists.
/// </summary>
public static class ProviderSet
{
    public static IReadOnlyList<EventPipeProvider> Merge(IEnumerable<EventPipeProvider> providers) =>
        providers.GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => g.Skip(1).Any() ? new EventPipeProvider(g.Key,
                (EventLevel)g.Max(p => (int)p.EventLevel),
                g.Aggregate(0L, (keywords, p) => keywords | p.Keywords),
                g.SelectMany(p => p.Arguments ?? new Dictionary<string, string>())
                    .GroupBy(a => a.Key).ToDictionary(a => a.Key, a => a.Last().Value)) : g.First())
            .ToList();
}
