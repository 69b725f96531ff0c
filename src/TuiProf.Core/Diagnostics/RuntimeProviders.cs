using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace TuiProf.Core.Diagnostics;

/// <summary>The EventPipe providers of the long-lived session, and of the short one that forces a GC.</summary>
public static class RuntimeProviders
{
    public const string Runtime = "Microsoft-Windows-DotNETRuntime";
    public const string Counters = "System.Runtime";
    public const string DiagnosticSource = "Microsoft-Diagnostics-DiagnosticSource";

    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;
    private const long DiagnosticSourceEventsKeyword = 0x2;

    /// <summary>
    /// Every ActivitySource, with only the fields a bracket needs (the default payload is ~30 properties). One
    /// <c>[AS]*</c> rule covers both start and stop: DiagnosticSource ignores a second wildcard rule.
    /// </summary>
    public const string ActivitySpec = "[AS]*:-SpanId;ParentSpanId;StartTicks=StartTimeUtc.Ticks;DurationTicks=Duration.Ticks";

    /// <summary>
    /// The long-lived session: GC events (Verbose when <see cref="SessionOptions.Allocations"/>, for
    /// GCAllocationTick), System.Runtime's counters and any others asked for, and every ActivitySource.
    /// </summary>
    public static IReadOnlyList<EventPipeProvider> Session(SessionOptions options) =>
    [
        new(Runtime, options.Allocations ? EventLevel.Verbose : EventLevel.Informational, GcKeyword),
        // The runtime accepts fractions of a second; the counters double as a heartbeat that keeps the stream
        // flushing when the target is idle.
        .. options.CounterProviders.Prepend(Counters).Distinct().Select(provider => new EventPipeProvider(provider,
            EventLevel.Informational, 0, new Dictionary<string, string>
            {
                ["EventCounterIntervalSec"] = options.CounterInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            })),
        new(DiagnosticSource, EventLevel.Informational, DiagnosticSourceEventsKeyword, new Dictionary<string, string>
        {
            ["FilterAndPayloadSpecs"] = ActivitySpec,
        }),
    ];

    /// <summary>
    /// Enabling GCHeapCollect makes the runtime run one full blocking GC (reason Induced), as dotnet-gcdump does.
    /// It must never be part of the long-lived session, or every session start would collect.
    /// </summary>
    public static IReadOnlyList<EventPipeProvider> ForceCollect() =>
        [new(Runtime, EventLevel.Informational, GcHeapCollectKeyword)];
}
