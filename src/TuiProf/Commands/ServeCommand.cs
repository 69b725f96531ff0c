using System.CommandLine;
using System.Net;
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

    public static Command Create()
    {
        var command = new Command("serve", "Watch every .NET process of yours and serve their memory, GCs and brackets to Prometheus");
        command.Add(Metrics);
        command.Add(WithCommandLine);
        OtlpOptions.AddTo(command);
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
        var collector = OtlpOptions.From(parse);
        using var otlp = collector?.Start(session.CounterInterval, withCommandLine);
        await using var watch = new HostWatch(watched with { Observer = (process, e) =>
        {
            var exported = ExportedProcess.Of(process);
            metrics.Observe(exported, e);
            otlp?.Observe(exported, e);
        } });
        watch.Start();
        var which = watched.Pids.Count + watched.Ports.Count == 0 ? "every .NET process of yours" : "the processes named";
        SafeConsole.Error($"tuiprof: serving {which} at {MetricsEndpoint.UrlOf(address)}: memory, GCs and brackets, " +
                          $"labelled by pid, process name{(withCommandLine ? ", command line" : "")} and host");
        if (collector is not null) SafeConsole.Error(collector.Said);
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
