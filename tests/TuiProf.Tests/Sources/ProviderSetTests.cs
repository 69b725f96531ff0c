using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Sources;
using TuiProf.Core.Timeline;
using Xunit;

namespace TuiProf.Tests.Sources;

public sealed class ProviderSetTests
{
    private const string Runtime = GcEvents.RuntimeProvider;

    [Fact]
    public void Two_sources_that_each_name_their_events_get_both_lists_and_no_other_event()
    {
        var merged = Assert.Single(ProviderSet.Merge(
        [
            new EventPipeProvider(Runtime, EventLevel.Informational, 0x1, null, new EventPipeProviderEventFilter(true, [1, 2, 204])),
            new EventPipeProvider(Runtime, EventLevel.Verbose, 0x1, null, new EventPipeProviderEventFilter(true, [10, 2])),
        ]));

        Assert.Equal(EventLevel.Verbose, merged.EventLevel);
        Assert.True(merged.EventFilter!.Enable);
        Assert.Equal([1u, 2, 10, 204], merged.EventFilter.EventIds);
    }

    [Fact]
    public void A_source_that_reads_every_event_of_a_provider_keeps_them_all_enabled()
    {
        var merged = Assert.Single(ProviderSet.Merge(
        [
            new EventPipeProvider(Runtime, EventLevel.Informational, 0x1, null, new EventPipeProviderEventFilter(true, [1])),
            new EventPipeProvider(Runtime, EventLevel.Informational, 0x8),
        ]));

        Assert.Null(merged.EventFilter);
        Assert.Equal(0x9, merged.Keywords);
    }

    /// <summary>
    /// .NET 10's sampled allocations are one event among the GC's it names, at Informational: nothing else of the GC's
    /// Verbose level comes.
    /// </summary>
    [Fact]
    public void With_allocations_the_runtime_provider_adds_the_sampled_allocation_event_to_its_list()
    {
        var runtime = Providers(new SessionOptions { Allocations = true }).Single(p => p.Name == Runtime);

        Assert.Contains(303u, runtime.EventFilter!.EventIds);
        Assert.Equal(EventLevel.Informational, runtime.EventLevel);
        Assert.Equal(GcEvents.GcKeyword | AllocationSampling.Keyword, runtime.Keywords);
    }

    /// <summary>
    /// .NET 10.0.12 sends GCAllocationTick only a few times a second when it is named in an event list (24 in 3 s
    /// where 58 738 came without one), so the ticks of a runtime before .NET 10 take every event of their keyword and level.
    /// </summary>
    [Fact]
    public void With_allocations_from_ticks_the_runtime_provider_names_no_events()
    {
        var runtime = ProviderSet.Merge(new SessionOptions { Allocations = true }
            .Sources(hasLocalProcess: true, new OpenSpans(), randomizedSampling: false).SelectMany(s => s.Providers)).Single(p => p.Name == Runtime);

        Assert.Null(runtime.EventFilter);
        Assert.Equal(EventLevel.Verbose, runtime.EventLevel);
    }

    [Fact]
    public void For_a_runtime_before_NET_10_the_same_providers_go_without_event_lists()
    {
        var providers = Providers(new SessionOptions());

        var plain = ProviderSet.WithoutEventFilters(providers);

        Assert.Contains(providers, p => p.EventFilter is not null);
        Assert.All(plain, p => Assert.Null(p.EventFilter));
        Assert.Equal(providers.Select(p => (p.Name, p.EventLevel, p.Keywords)), plain.Select(p => (p.Name, p.EventLevel, p.Keywords)));
    }

    private static IReadOnlyList<EventPipeProvider> Providers(SessionOptions options) =>
        ProviderSet.Merge(options.Sources(hasLocalProcess: true, new OpenSpans()).SelectMany(s => s.Providers));
}
