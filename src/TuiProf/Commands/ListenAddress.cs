using System.Globalization;
using System.Net;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>A HOST:PORT to listen on: an IP address (IPv6 in brackets) or <c>localhost</c>, and a port.</summary>
public static class ListenAddress
{
    public static IPEndPoint Parse(string option, string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? "" : text[..colon];
        if (colon < 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ||
            port is < 1 or > 65535)
            throw new UsageException($"{option} {text}: give HOST:PORT, e.g. 127.0.0.1:9464 (a port from 1 to 65535)");
        if (host == "localhost") return new IPEndPoint(IPAddress.Loopback, port);
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && (host.Contains(':') == host.StartsWith('['))
            ? new IPEndPoint(address, port)
            : throw new UsageException($"{option} {text}: HOST must be an IP address or localhost ([::1] for IPv6; 0.0.0.0 for every address)");
    }
}
