using System.Globalization;
using System.Text;
using TuiProf.Core.Fleet;

namespace TuiProf.Core.Export;

/// <summary>
/// Prometheus' text exposition format (0.0.4) of a host watch's processes: each metric of <see cref="ServedMetrics"/>
/// once, a series per process labelled <c>pid</c>, <c>process</c> and <c>host</c>.
/// Written here rather than by the OpenTelemetry SDK's Prometheus exporter, measured with OpenTelemetry 1.21.0 and
/// OpenTelemetry.Exporter.Prometheus.HttpListener 1.20.1-beta.1: a histogram's series (bracket durations, GC
/// pauses) stay in every scrape after the process has gone, even once the Meter that recorded them is disposed,
/// and a gone process's series must stop.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <param name="withCommandLine">Whether each process's command line is a label too (it may hold secrets).</param>
    public static string Of(IReadOnlyList<ProcessMetricsSnapshot> processes, string host, bool withCommandLine)
    {
        var text = new StringBuilder();
        foreach (var family in ServedMetrics.All)
        {
            var name = PrometheusName.Of(family.Name, family.Unit, family.Kind == MetricKind.Counter);
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {family.Description}\n");
            text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} {family.Kind.ToString().ToLowerInvariant()}\n");
            foreach (var process in processes)
            {
                var labels = ServedMetrics.ProcessAttributes(process.Pid, process.Name, process.CommandLine, host, withCommandLine);
                foreach (var point in family.Points(process))
                {
                    var all = labels.Concat(point.Attributes.Select(a => (PrometheusName.Escape(a.Key), a.Value))).ToList();
                    if (point.Buckets is { } buckets)
                        AppendHistogram(text, name, all, buckets);
                    else
                        AppendSample(text, name, all, point.Value);
                }
            }
        }
        return text.ToString();
    }

    private static void AppendHistogram(StringBuilder text, string name, List<(string, string)> labels, BucketSnapshot buckets)
    {
        for (var i = 0; i < buckets.Bounds.Count; i++)
            AppendSample(text, $"{name}_bucket", [.. labels, ("le", Bound(buckets.Bounds[i]))], buckets.Cumulative[i]);
        AppendSample(text, $"{name}_bucket", [.. labels, ("le", "+Inf")], buckets.Count);
        AppendSample(text, $"{name}_sum", labels, buckets.Sum);
        AppendSample(text, $"{name}_count", labels, buckets.Count);
    }

    private static void AppendSample(StringBuilder text, string name, IEnumerable<(string Name, string Value)> labels, double value) =>
        text.Append(name).Append('{')
            .AppendJoin(',', labels.Select(l => $"{l.Name}=\"{EscapeValue(l.Value)}\""))
            .Append("} ").Append(Number(value)).Append('\n');

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A bucket's bound in plain decimals: <c>le="0.00005"</c> rather than .NET's round-trip <c>5E-05</c>.</summary>
    private static string Bound(double value) => value.ToString("0.###############", CultureInfo.InvariantCulture);

    /// <summary>A label value as the format quotes it: backslash, double quote and line feed escaped.</summary>
    private static string EscapeValue(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
