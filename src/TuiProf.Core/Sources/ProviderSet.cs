using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace TuiProf.Core.Sources;

/// <summary>
/// Merges the providers several sources ask for: EventPipe takes each provider once, so two sources of the same
/// provider (GC events at Informational, allocation ticks at Verbose) share one entry with the higher level, both
/// keyword masks, both argument lists and, where each names the events it reads, both lists of event IDs.
/// </summary>
public static class ProviderSet
{
    public static IReadOnlyList<EventPipeProvider> Merge(IEnumerable<EventPipeProvider> providers) =>
        providers.GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => g.Skip(1).Any() ? new EventPipeProvider(g.Key,
                (EventLevel)g.Max(p => (int)p.EventLevel),
                g.Aggregate(0L, (keywords, p) => keywords | p.Keywords),
                g.SelectMany(p => p.Arguments ?? new Dictionary<string, string>())
                    .GroupBy(a => a.Key).ToDictionary(a => a.Key, a => a.Last().Value),
                MergedFilter(g.ToList())) : g.First())
            .ToList();

    /// <summary>
    /// The same providers with every event enabled that their keywords and level enable: for runtimes before
    /// .NET 10, which do not know the command that carries event IDs.
    /// </summary>
    public static IReadOnlyList<EventPipeProvider> WithoutEventFilters(IEnumerable<EventPipeProvider> providers) =>
        providers.Select(p => p.EventFilter is null ? p : new EventPipeProvider(p.Name, p.EventLevel, p.Keywords, p.Arguments))
            .ToList();

    /// <summary>The union of the allow-lists; none (every event) as soon as one source reads them all.</summary>
    private static EventPipeProviderEventFilter? MergedFilter(IReadOnlyList<EventPipeProvider> providers) =>
        providers.All(p => p.EventFilter is { Enable: true })
            ? new EventPipeProviderEventFilter(true, providers.SelectMany(p => p.EventFilter!.EventIds).Distinct().Order().ToList())
            : null;
}
