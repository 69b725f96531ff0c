using System.Diagnostics.Metrics;
using TuiProf.Core.Fleet;

namespace TuiProf.Core.Export;

/// <summary>
/// The exported processes' metrics as OpenTelemetry instruments, for an OTLP exporter: each gauge and counter of
/// <see cref="ServedMetrics"/> an observable instrument whose callback reports every process, tagged with its
/// attributes. A process no longer reported has no point in the next export (measured with the SDK 1.21.0: an
/// observable instrument's stale points are dropped). The histograms are not here: a synchronous instrument's points
/// outlive the process; each call and GC goes as a span instead (<see cref="OtlpSpans"/>).
/// </summary>
public sealed class OtlpMetrics : IDisposable
{
    public const string MeterName = "TuiProf";

    private readonly Meter _meter = new(MeterName);
    private readonly FleetMetrics _metrics;
    private readonly TimeSpan _freshFor;
    private readonly Func<ProcessMetricsSnapshot, IEnumerable<KeyValuePair<string, object?>>> _processTags;
    private (DateTime At, IReadOnlyList<ProcessMetricsSnapshot> Processes) _last = (DateTime.MinValue, []);

    /// <param name="metrics">The aggregate this exporter alone reads (a scrape of it ends ended processes' series).</param>
    /// <param name="exportInterval">How often the exporter collects: one scrape serves all instruments of a collection.</param>
    public OtlpMetrics(FleetMetrics metrics, TimeSpan exportInterval, string host, bool withCommandLine)
    {
        (_metrics, _freshFor) = (metrics, exportInterval / 2);
        _processTags = p => ServedMetrics.ProcessAttributes(p.Pid, p.Name, p.CommandLine, host, withCommandLine)
            .Select(a => new KeyValuePair<string, object?>(a.Name, a.Value));
        foreach (var family in ServedMetrics.All)
        {
            switch (family.Kind)
            {
                case MetricKind.Gauge:
                    _meter.CreateObservableUpDownCounter(family.Name, () => Measure(family), family.Unit, family.Description);
                    break;
                case MetricKind.Counter:
                    _meter.CreateObservableCounter(family.Name, () => Measure(family), family.Unit, family.Description);
                    break;
            }
        }
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> Measure(MetricFamily family) =>
        Processes().SelectMany(process => family.Points(process).Select(point => new Measurement<double>(point.Value,
            _processTags(process).Concat(point.Attributes.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value))))));

    /// <summary>One scrape for all the instruments of a collection (their callbacks run one after another).</summary>
    private IReadOnlyList<ProcessMetricsSnapshot> Processes()
    {
        lock (_meter)
        {
            var now = DateTime.UtcNow;
            if (now - _last.At >= _freshFor) _last = (now, _metrics.Scrape());
            return _last.Processes;
        }
    }
}
