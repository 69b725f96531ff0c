using System.Net.Sockets;
using TuiProf.Core.Files;

namespace TuiProf.Core.Targets;

/// <summary>
/// What is at a path where TuiProf would listen: a process killed outright (SIGKILL) leaves its socket file behind,
/// and binding fails while it is there. Only a connection attempt tells a live listener from such a leftover.
/// </summary>
public static class SocketFile
{
    public enum State { Absent, Listened, Stale, NotASocket }

    public static State Of(string path)
    {
        if (!File.Exists(path)) return State.Absent;
        if (FileStatus.Of(path, follow: false) is not { IsSocket: true }) return State.NotASocket;
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { Blocking = false };
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return State.Listened;
        }
        catch (SocketException e)
        {
            // Refused: nobody accepts on it. Would block: a listener with a full backlog, listening nonetheless.
            return e.SocketErrorCode == SocketError.ConnectionRefused ? State.Stale : State.Listened;
        }
    }
}
