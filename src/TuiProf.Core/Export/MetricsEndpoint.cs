using System.Net;
using System.Text;

namespace TuiProf.Core.Export;

/// <summary>
/// The HTTP endpoint a scraper reads: GET <see cref="Path"/> answers the text <c>scrape</c> makes at that moment,
/// anything else 404. One request at a time: a scrape is a few milliseconds, and a second scraper waits that long.
/// </summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    public const string Path = "/metrics";

    private readonly HttpListener _listener = new();
    private readonly Func<string> _scrape;
    private readonly Task _loop;

    private MetricsEndpoint(string prefix, Func<string> scrape)
    {
        _scrape = scrape;
        _listener.Prefixes.Add(prefix);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Listens on <paramref name="address"/>; throws <see cref="HttpListenerException"/> when it cannot (a port in use).</summary>
    public static MetricsEndpoint Start(IPEndPoint address, Func<string> scrape) => new(Prefix(address), scrape);

    public static string UrlOf(IPEndPoint address) => $"http://{address}{Path}";

    /// <summary>HttpListener's prefix: <c>*</c> stands for every address.</summary>
    private static string Prefix(IPEndPoint address) =>
        address.Address.Equals(IPAddress.Any) || address.Address.Equals(IPAddress.IPv6Any) ? $"http://*:{address.Port}/" : $"http://{address}/";

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try { await AnswerAsync(context); }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { /* the scraper hung up */ }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        if (context.Request.HttpMethod is not ("GET" or "HEAD") || context.Request.Url?.AbsolutePath != Path)
        {
            response.StatusCode = 404;
            return;
        }
        var body = Encoding.UTF8.GetBytes(_scrape());
        response.ContentType = PrometheusText.ContentType;
        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod == "GET") await response.OutputStream.WriteAsync(body);
    }
}
