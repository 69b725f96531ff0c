using System.Net;
using System.Net.Sockets;

namespace TuiProf.Tests.Serve;

/// <summary>A loopback TCP port no one listens on now (the kernel's pick), for a server a test starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
