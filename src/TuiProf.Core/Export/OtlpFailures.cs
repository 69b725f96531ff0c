using System.Diagnostics.Tracing;

namespace TuiProf.Core.Export;

/// <summary>
/// Listens to the OTLP exporter's own EventSource for its failures, and says the first one in a line (again at most
/// once a minute): the SDK itself only logs to EventSource, which nobody reads.
/// </summary>
public sealed class OtlpFailures(Uri endpoint, Action<string> report) : EventListener
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private DateTime _lastSaid = DateTime.MinValue;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name.StartsWith("OpenTelemetry-Exporter-OpenTelemetryProtocol", StringComparison.Ordinal))
            EnableEvents(source, EventLevel.Error);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        lock (this)
        {
            if (DateTime.UtcNow - _lastSaid < Quiet) return;
            _lastSaid = DateTime.UtcNow;
        }
        report($"tuiprof: OTLP: the collector at {endpoint} did not take an export ({e.EventName}); what it missed is dropped, " +
               "nothing else stops (said at most once a minute)");
    }
}
