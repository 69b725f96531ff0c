using System.Globalization;
using TuiProf.Core.Files;

namespace TuiProf.Core.Targets;

/// <summary>
/// A runtime's default diagnostics socket, <c>dotnet-diagnostic-PID-KEY-socket</c> in its TMPDIR. A runtime killed
/// outright leaves its socket behind, and PIDs come round again (32 768 of them by default): the KEY, the process's
/// start time in clock ticks as <c>/proc/PID/stat</c> gives it, tells a live runtime's socket from a dead one's that
/// names the same number.
/// </summary>
public sealed record DiagnosticSocket(int Pid, long Key)
{
    public const string Prefix = "dotnet-diagnostic-";

    /// <summary>The socket's PID and KEY, or null for a name of another form.</summary>
    public static DiagnosticSocket? Parse(string? name) =>
        Path.GetFileName(name)?.Split('-') is ["dotnet", "diagnostic", var pid, var key, "socket"]
        && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var started)
            ? new DiagnosticSocket(id, started)
            : null;

    /// <summary>Whether the process that made the socket still runs (a thread or a later process with its number does not count).</summary>
    public bool IsLive => ProcessInfo.StartTime(Pid) == Key;

    /// <summary>
    /// Whether the runtime of <paramref name="pid"/> has its socket where the diagnostics client looks for it
    /// (<c>DiagnosticsClient.GetPublishedProcesses</c> also counts a dead runtime's that names the same PID).
    /// </summary>
    public static bool IsPublished(int pid) => Naming(pid).Any(MadeBy(pid));

    /// <summary>
    /// Whether the sockets that the diagnostics client would take for <paramref name="pid"/>'s are all another
    /// process's: a dead runtime's, or that of a runtime numbered so in its own PID namespace (its PID 1 is not this
    /// machine's).
    /// </summary>
    public static bool NamesAnotherProcess(int pid) =>
        Naming(pid).ToList() is { Count: > 0 } sockets && !sockets.Any(MadeBy(pid));

    /// <summary>
    /// A socket that the client would take for <paramref name="pid"/>'s but that another user made: a runtime's socket
    /// is its process owner's. In a shared TMPDIR anyone can put one there first, under the name a runtime is about to
    /// use; TuiProf, often root, would then talk to whoever listens on it. The client takes the newest of the sockets
    /// named with the PID, so another user's socket counts only when it is as new as the owner's newest: an older one
    /// is a dead runtime's leftover whose PID came round again (on CI, a test user's killed runtime left one, and a
    /// later child of ours with its number was refused and left paused). Null when no such socket is another user's.
    /// </summary>
    public static string? MadeByAnotherUser(int pid)
    {
        if (ProcessInfo.OwnerOf(pid) is not { } owner) return null;
        var (directory, named) = WhereClientLooks(pid);
        var sockets = Named(directory, named)
            .Select(path => (Path: path, Owner: FileStatus.Of(path, follow: false)?.Owner, Written: new FileInfo(path).LastWriteTimeUtc))
            .Where(s => s.Owner is not null) // gone meanwhile
            .ToList();
        var ownersNewest = sockets.Where(s => s.Owner == owner).Select(s => s.Written).DefaultIfEmpty(DateTime.MinValue).Max();
        // The newest: the one the client opens (it takes the latest written of a PID's sockets).
        return sockets.Where(s => s.Owner != owner && s.Written >= ownersNewest).OrderByDescending(s => s.Written).FirstOrDefault().Path;
    }

    /// <summary>Whether a socket was made by <paramref name="pid"/>'s runtime: its start time, read once, is the key.</summary>
    private static Func<DiagnosticSocket, bool> MadeBy(int pid)
    {
        var started = ProcessInfo.StartTime(pid);
        return socket => socket.Key == started;
    }

    /// <summary>
    /// Where the diagnostics client looks for <paramref name="pid"/>'s socket, and the PID it is named with: the
    /// process's own TMPDIR and PID or, for a process in a PID namespace of its own, that TMPDIR under
    /// <c>/proc/PID/root</c> and the PID the process sees itself by.
    /// </summary>
    public static (string Directory, int Pid) WhereClientLooks(int pid)
    {
        var directory = ProcessInfo.TempDirectoryOf(pid) ?? Path.GetTempPath();
        return ProcessInfo.PidInItsOwnNamespace(pid) is { } inner ? (Path.Join($"/proc/{pid}/root", directory), inner) : (directory, pid);
    }

    /// <summary>The sockets the client would take for <paramref name="pid"/>'s; their key is its start time either way.</summary>
    private static IEnumerable<DiagnosticSocket> Naming(int pid)
    {
        var (directory, named) = WhereClientLooks(pid);
        return Named(directory, named).Select(Parse).OfType<DiagnosticSocket>();
    }

    private static string[] Named(string directory, int pid)
    {
        try { return Directory.GetFiles(directory, $"{Prefix}{pid}-*-socket"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}
