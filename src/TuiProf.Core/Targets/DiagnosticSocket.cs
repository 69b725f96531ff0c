using System.Globalization;

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
    /// Whether the runtime of <paramref name="pid"/>, a process of this PID namespace, has its socket in this TMPDIR
    /// (<c>DiagnosticsClient.GetPublishedProcesses</c> also counts a dead runtime's that names the same PID).
    /// </summary>
    public static bool IsPublished(int pid) => Naming(pid).Any(s => s.IsLive);

    /// <summary>
    /// Whether the sockets in this TMPDIR that name <paramref name="pid"/> are all another process's: a dead
    /// runtime's, or that of a runtime numbered so in its own PID namespace (its PID 1 is not this machine's). The
    /// diagnostics client would take <paramref name="pid"/> for that runtime.
    /// </summary>
    public static bool NamesAnotherProcess(int pid) => Naming(pid).ToList() is { Count: > 0 } sockets && !sockets.Any(s => s.IsLive);

    private static IEnumerable<DiagnosticSocket> Naming(int pid) =>
        Directory.EnumerateFiles(Path.GetTempPath(), $"{Prefix}{pid}-*-socket").Select(Parse).OfType<DiagnosticSocket>();
}
