using System.CommandLine;
using OpenTelemetry.Exporter;
using TuiProf.Core.Export;

namespace TuiProf.Commands;

/// <summary><c>--otlp URL</c> and <c>--otlp-protocol</c>: where serve and record also send metrics and spans.</summary>
public static class OtlpOptions
{
    public static Option<Uri> Otlp { get; } = new("--otlp")
    {
        Description = "Also send the metrics, each bracket as a span and each GC as a short span to an OpenTelemetry collector " +
                      "(e.g. http://127.0.0.1:4317 for gRPC, http://127.0.0.1:4318 with --otlp-protocol http/protobuf)",
        CustomParser = r =>
        {
            if (Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            r.AddError($"--otlp {r.Tokens[0].Value}: give the collector's http:// or https:// URL");
            return null;
        },
    };

    public static Option<string> Protocol { get; } = new Option<string>("--otlp-protocol")
    {
        Description = "OTLP over grpc (the collector's port 4317) or http/protobuf (4318)",
        DefaultValueFactory = _ => "grpc",
    }.AcceptOnlyFromAmong("grpc", "http/protobuf");

    public static void AddTo(Command command)
    {
        command.Add(Otlp);
        command.Add(Protocol);
    }

    /// <summary>The collector named, if any; <see cref="OtlpCollector.Start"/> begins sending to it.</summary>
    public static OtlpCollector? From(ParseResult parse) =>
        parse.GetValue(Otlp) is { } url ? new OtlpCollector(url, parse.GetValue(Protocol)!) : null;
}

/// <summary>An OpenTelemetry collector to send to, and over which protocol (its option's spelling).</summary>
public sealed record OtlpCollector(Uri Url, string Protocol)
{
    public OtlpExport Start(TimeSpan counterInterval, bool withCommandLine) =>
        new(Url, Protocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, counterInterval, Environment.MachineName,
            withCommandLine, SafeConsole.Error);

    /// <summary>The line said on start.</summary>
    public string Said => $"tuiprof: and over OTLP ({Protocol}) to {Url}: the same metrics, each bracket and GC a span";
}
