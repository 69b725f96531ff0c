using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TuiProf.Core.Targets;

/// <summary>
/// What is at a path where TuiProf would listen: a process killed outright (SIGKILL) leaves its socket file behind,
/// and binding fails while it is there. Only a connection attempt tells a live listener from such a leftover.
/// </summary>
public static class SocketFile
{
    public enum State { Absent, Listened, Stale, NotASocket }

    private const int AtCurrentDirectory = -100;
    private const int DoNotFollowLinks = 0x100;
    private const uint TypeOnly = 1;
    private const int ModeOffset = 28; // stx_mode in struct statx, the same on every architecture
    private const int TypeMask = 0xF000;
    private const int Socket = 0xC000;

    public static State Of(string path)
    {
        if (!File.Exists(path)) return State.Absent;
        if (!IsSocket(path)) return State.NotASocket;
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

    private static bool IsSocket(string path)
    {
        var buffer = new byte[256];
        return Stat(AtCurrentDirectory, path, DoNotFollowLinks, TypeOnly, buffer) == 0
               && (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == Socket;
    }

    /// <summary>statx(2): unlike stat's, its struct has one layout on every Linux architecture.</summary>
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Stat(int directory, string path, int flags, uint mask, byte[] buffer);
}
