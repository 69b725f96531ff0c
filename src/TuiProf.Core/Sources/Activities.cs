using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// <c>ActivitySource</c> spans, as brackets: the calls of the listened-to sources, paired start to stop, nested by
/// parent span, the open ones kept in <c>open</c>. Which sources: all but .NET's own <c>Experimental.*</c> ones
/// (socket connects and connection setup by the hundred thousand in one build), or the names given. With
/// <c>calls</c>, each bracket gets what it allocated.
/// </summary>
public sealed class Activities(ActivityFilter filter, OpenSpans open, ThreadAllocations? calls = null) : IRuntimeSource
{
    public const string DiagnosticSourceProvider = "Microsoft-Diagnostics-DiagnosticSource";
    private const long EventsKeyword = 0x2;

    /// <summary>
    /// The fields a bracket needs (the default payload is ~30 properties). One <c>[AS]</c> rule covers start and stop:
    /// DiagnosticSource ignores a second wildcard rule, so named sources get one rule each.
    /// </summary>
    public const string PayloadSpec = "-SpanId;ParentSpanId;StartTicks=StartTimeUtc.Ticks;DurationTicks=Duration.Ticks";

    public IReadOnlyList<EventPipeProvider> Providers { get; } =
    [
        new(DiagnosticSourceProvider, EventLevel.Informational, EventsKeyword, new Dictionary<string, string>
        {
            ["FilterAndPayloadSpecs"] = string.Join("\r\n", filter.SourceRules.Select(source => $"[AS]{source}:{PayloadSpec}")),
        }),
    ];

    public void Subscribe(TraceEventDispatcher events, SourceClock clock, Action<TimelineEvent> emit)
    {
        var brackets = new BracketAssembler(emit, open, calls);
        events.Dynamic.All += e =>
        {
            if (e.ProviderName != DiagnosticSourceProvider) return;
            var isStart = e.EventName == "Activity/Start";
            if (!isStart && e.EventName != "Activity/Stop") return;
            var source = e.PayloadByName("SourceName") as string ?? "";
            if (!filter.Accepts(source)) return;
            var name = e.PayloadByName("ActivityName") as string ?? "?";
            var fields = ActivityPayload.Read(e.PayloadByName("Arguments"));
            if (fields.SpanId is null) return;
            var start = fields.StartTicks is { } ticks ? clock.Seconds(new DateTime(ticks, DateTimeKind.Utc)) : clock.Seconds(e.TimeStamp);
            if (isStart)
                brackets.Start(start, fields.SpanId, fields.ParentSpanId, name, e.ThreadID);
            else
                brackets.Stop(start, start + TimeSpan.FromTicks(fields.DurationTicks ?? 0).TotalSeconds, fields.SpanId, name, e.ThreadID);
        };
    }
}
