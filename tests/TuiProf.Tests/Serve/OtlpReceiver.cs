using System.Net;

namespace TuiProf.Tests.Serve;

/// <summary>
/// A stand-in OpenTelemetry collector: OTLP over HTTP/protobuf on a free loopback port, keeping each span and the
/// names of the metrics it is sent (decoded with <see cref="ProtobufField"/>), and answering as a collector does.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<ReceivedSpan> _spans = [];
    private readonly HashSet<string> _metrics = [];

    public OtlpReceiver()
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedSpan> Spans { get { lock (_spans) return [.. _spans]; } }

    public IReadOnlyCollection<string> MetricNames { get { lock (_spans) return [.. _metrics]; } }

    public void Dispose() => _listener.Close();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Take(context.Request.Url!.AbsolutePath, body.ToArray());
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close(); // an empty Export*ServiceResponse: all accepted
        }
    }

    private void Take(string path, ReadOnlyMemory<byte> request)
    {
        lock (_spans)
        {
            if (path == "/v1/traces")
                // ExportTraceServiceRequest.resource_spans(1).scope_spans(2).spans(2)
                _spans.AddRange(ProtobufField.At(request, 1, 2, 2).Select(ReceivedSpan.Of));
            else if (path == "/v1/metrics")
                // ExportMetricsServiceRequest.resource_metrics(1).scope_metrics(2).metrics(2).name(1)
                _metrics.UnionWith(ProtobufField.At(request, 1, 2, 2).Select(m => ProtobufField.Of(m).First(f => f.Number == 1).Text));
        }
    }
}

/// <summary>One OTLP span: its ids, name, times (ns since 1970) and string or integer attributes.</summary>
public sealed record ReceivedSpan(string SpanId, string ParentSpanId, string Name, ulong Start, ulong End, IReadOnlyDictionary<string, string> Attributes)
{
    public double Seconds => (End - Start) / 1e9;

    public static ReceivedSpan Of(ReadOnlyMemory<byte> span)
    {
        var fields = ProtobufField.Of(span).ToList();
        string Hex(int number) => Convert.ToHexString(fields.FirstOrDefault(f => f.Number == number).Bytes.Span);
        var attributes = fields.Where(f => f.Number == 9).Select(f => ProtobufField.Of(f.Bytes).ToList())
            .ToDictionary(kv => kv.First(f => f.Number == 1).Text, kv => AnyValue(kv.First(f => f.Number == 2).Bytes));
        return new ReceivedSpan(Hex(2), Hex(4), fields.First(f => f.Number == 5).Text,
            fields.First(f => f.Number == 7).Integer, fields.First(f => f.Number == 8).Integer, attributes);
    }

    /// <summary>AnyValue: string_value(1), bool_value(2), int_value(3), double_value(4).</summary>
    private static string AnyValue(ReadOnlyMemory<byte> value)
    {
        var field = ProtobufField.Of(value).Single();
        return field.Number switch
        {
            1 => field.Text,
            4 => BitConverter.Int64BitsToDouble((long)field.Integer).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => ((long)field.Integer).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
