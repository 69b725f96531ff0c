using System.CommandLine;
using System.Net;
using OpenTelemetry.Exporter;
using TuiProf.Core.Export;
using TuiProf.Core.Fleet;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>
/// <c>tuiprof serve</c>: every .NET process of yours (or those named) watched as <c>top</c> does, with brackets, and
/// their metrics served to Prometheus at /metrics. Loopback unless told otherwise; process names, never environments,
/// and command lines only when asked.
/// </summary>
public static class ServeCommand
{
    public const string DefaultMetrics = "127.0.0.1:9464";

    public static Option<string> Metrics { get; } = new("--metrics")
    {
        Description = $"Serve Prometheus' text format at http://HOST:PORT/metrics (default {DefaultMetrics}, OpenTelemetry's Prometheus port; " +
                      "0.0.0.0:PORT for every address)",
        DefaultValueFactory = _ => DefaultMetrics,
    };

    public static Option<bool> WithCommandLine { get; } = new("--with-command-line")
    {
        Description = "Label each process's series with its command line too (it may hold secrets: off by default, the name only)",
    };

    public static Option<Uri> Otlp { get; } = new("--otlp")
    {
        Description = "Also send the metrics, each bracket as a span and each GC as a short span to an OpenTelemetry collector " +
                      "(e.g. http://127.0.0.1:4317 for gRPC, http://127.0.0.1:4318 with --otlp-protocol http/protobuf)",
        CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--otlp {r.Tokens[0].Value}: give the collector's http:// or https:// URL"),
    };

    public static Option<string> OtlpProtocol { get; } = new Option<string>("--otlp-protocol")
    {
        Description = "OTLP over grpc (the collector's port 4317) or http/protobuf (4318)",
        DefaultValueFactory = _ => "grpc",
    }.AcceptOnlyFromAmong("grpc", "http/protobuf");

    public static Command Create()
    {
        var command = new Command("serve", "Watch every .NET process of yours and serve their memory, GCs and brackets to Prometheus");
        command.Add(Metrics);
        command.Add(WithCommandLine);
        command.Add(Otlp);
        command.Add(OtlpProtocol);
        command.Add(SamplingOptions.Allocations);
        WatchOptions.AddTo(command);
        command.SetAction((parse, stop) => RunAsync(parse, stop));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken stop)
    {
        var address = ListenAddress.Parse("--metrics", parse.GetValue(Metrics)!);
        var session = HostWatchOptions.LightSession with { Brackets = true, Allocations = parse.GetValue(SamplingOptions.Allocations) };
        var watched = WatchOptions.From(parse, session);
        var metrics = new FleetMetrics(session.CounterInterval, TimeProvider.System);
        var withCommandLine = parse.GetValue(WithCommandLine);
        var host = Environment.MachineName;
        await using var endpoint = Listen(address, () => PrometheusText.Of(metrics.Scrape(), host, withCommandLine));
        using var otlp = parse.GetValue(Otlp) is { } collector
            ? new OtlpExport(collector, parse.GetValue(OtlpProtocol) == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf,
                session.CounterInterval, host, withCommandLine, SafeConsole.Error)
            : null;
        await using var watch = new HostWatch(watched with { Observer = (process, e) =>
        {
            metrics.Observe(process, e);
            otlp?.Observe(process, e);
        } });
        watch.Start();
        var which = watched.Pids.Count + watched.Ports.Count == 0 ? "every .NET process of yours" : "the processes named";
        SafeConsole.Error($"tuiprof: serving {which} at {MetricsEndpoint.UrlOf(address)}: memory, GCs and brackets, " +
                          $"labelled by pid, process name{(withCommandLine ? ", command line" : "")} and host");
        if (otlp is not null)
            SafeConsole.Error($"tuiprof: and over OTLP ({parse.GetValue(OtlpProtocol)}) to {parse.GetValue(Otlp)}: the same metrics, each bracket and GC a span");
        SafeConsole.Error(IPAddress.IsLoopback(address.Address)
            ? "tuiprof: this machine only (loopback); --metrics 0.0.0.0:PORT opens it to the network"
            : $"tuiprof: open to the network on {address.Address}: anyone who reaches it reads these metrics");
        await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        return 0;
    }

    private static MetricsEndpoint Listen(IPEndPoint address, Func<string> scrape)
    {
        try { return MetricsEndpoint.Start(address, scrape); }
        catch (HttpListenerException e) { throw new UsageException($"--metrics {address}: cannot listen there: {e.Message}"); }
    }
}
