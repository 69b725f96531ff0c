using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TuiProf.Core.Fleet;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// The exported processes' metrics (<see cref="OtlpMetrics"/>) and spans (<see cref="OtlpSpans"/>) sent to an OpenTelemetry
/// collector with the SDK's OTLP exporter. Nothing waits on the collector: spans go through the SDK's batch
/// processor, whose queue is bounded (<see cref="QueueSize"/>; beyond it spans are dropped), and metrics are read
/// every <see cref="ExportInterval"/>. A collector that cannot be reached is said in one line (<see cref="OtlpFailures"/>).
/// </summary>
public sealed class OtlpExport : IDisposable
{
    public static readonly TimeSpan ExportInterval = TimeSpan.FromSeconds(10);

    /// <summary>Spans waiting for the collector at most: at a few thousand calls a second, a second or two of them.</summary>
    public const int QueueSize = 4096;

    private readonly FleetMetrics _metrics;
    private readonly OtlpMetrics _instruments;
    private readonly OtlpSpans _spans;
    private readonly MeterProvider _meterProvider;
    private readonly TracerProvider _tracerProvider;
    private readonly OtlpFailures _failures;

    /// <param name="report">Where the one line about an unreachable collector goes.</param>
    public OtlpExport(Uri endpoint, OtlpExportProtocol protocol, TimeSpan counterInterval, string host, bool withCommandLine, Action<string> report)
    {
        _failures = new OtlpFailures(endpoint, report);
        _metrics = new FleetMetrics(counterInterval, TimeProvider.System);
        _instruments = new OtlpMetrics(_metrics, ExportInterval, host, withCommandLine);
        _spans = new OtlpSpans(host, withCommandLine);
        var resource = ResourceBuilder.CreateEmpty().AddService("tuiprof").AddAttributes([new("host.name", host)]);
        _meterProvider = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(OtlpMetrics.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                Configure(exporter, endpoint, protocol, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)ExportInterval.TotalMilliseconds;
            })
            .Build();
        _tracerProvider = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(OtlpSpans.SourceName)
            .AddOtlpExporter(exporter =>
            {
                Configure(exporter, endpoint, protocol, "v1/traces");
                exporter.BatchExportProcessorOptions.MaxQueueSize = QueueSize;
            })
            .Build();
    }

    /// <summary>The watch's observer: every event counts toward the metrics, and brackets and GCs become spans.</summary>
    public void Observe(ExportedProcess process, TimelineEvent e)
    {
        _metrics.Observe(process, e);
        _spans.Observe(process, e);
    }

    /// <summary>Sends what is queued (within the exporter's own timeout), then stops.</summary>
    public void Dispose()
    {
        _tracerProvider.Dispose();
        _meterProvider.Dispose();
        _spans.Dispose();
        _instruments.Dispose();
        _failures.Dispose();
    }

    /// <summary>gRPC takes the collector's address; HTTP/protobuf a path per signal under it.</summary>
    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol;
        exporter.Endpoint = protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint, signalPath);
        exporter.TimeoutMilliseconds = 5_000;
    }
}
