using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using TuiProf.Core.Files;

namespace TuiProf.Core.Targets;

/// <summary>A process that can be attached to, as <c>tuiprof ps</c> lists it.</summary>
public sealed record ProcessInfo(int Pid, string Name, string CommandLine)
{
    /// <summary>
    /// Whether a process with this PID runs. /proc also answers for thread IDs, and a dead process's leftover
    /// diagnostics socket can name a number now used by a thread: only a thread-group leader is a process. A zombie
    /// (exited, not yet reaped by its parent: TuiProf itself, for an orphan of the launch) does not run.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        var status = ProcFile.Read($"/proc/{pid}/status", stackalloc byte[StatusHead]);
        return ProcFile.Field(status, "Tgid:"u8) == pid && status.IndexOf("State:\tZ"u8) < 0 && status.IndexOf("State:\tX"u8) < 0;
    }

    /// <summary>Enough of /proc/PID/status for its first lines (Name, Umask, State, Tgid, Ngid, Pid, PPid, TracerPid, Uid).</summary>
    private const int StatusHead = 512;

    /// <summary>The .NET processes whose diagnostics socket this user can see, except this one.</summary>
    public static IReadOnlyList<ProcessInfo> Attachable()
    {
        return DiagnosticsClient.GetPublishedProcesses()
            .Where(IsAttachable)
            .Select(pid => new ProcessInfo(pid, NameOf(pid), CommandLineOf(pid)))
            .OrderBy(p => p.Pid)
            .ToList();
    }

    /// <summary>
    /// Whether a PID with a published diagnostics socket is a running process of this user, other than this one,
    /// whose socket is its own: each socket check reads the temporary directory, so a caller polling many PIDs asks
    /// this only of PIDs it has not seen.
    /// </summary>
    public static bool IsAttachable(int pid) =>
        pid != Environment.ProcessId && IsAlive(pid) && Uid(pid) == Uid(Environment.ProcessId) && !DiagnosticSocket.NamesAnotherProcess(pid) &&
        DiagnosticSocket.MadeByAnotherUser(pid) is null;

    /// <summary>The process's short name (its <c>comm</c>), empty once it is gone.</summary>
    public static string NameOf(int pid) => Read($"/proc/{pid}/comm").Trim();

    /// <summary>The process's command line, its arguments joined by spaces; empty once it is gone.</summary>
    public static string CommandLineOf(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();

    /// <summary>The process's arguments, the program first; none once it is gone.</summary>
    public static string[] ArgumentsOf(int pid) => Read($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The process's parent, null once it is gone.</summary>
    public static int? ParentOf(int pid) =>
        (int?)ProcFile.Field(ProcFile.Read($"/proc/{pid}/status", stackalloc byte[StatusHead]), "PPid:"u8);

    /// <summary>
    /// Whether the process runs as this one's user: its real and its effective uid are ours (a set-uid program
    /// started by another user has one of each).
    /// </summary>
    public static bool RunsAsThisUser(int pid)
    {
        var status = ProcFile.Read($"/proc/{pid}/status", stackalloc byte[StatusHead]);
        return ProcFile.Field(status, "Uid:"u8, Real) == OurUid && ProcFile.Field(status, "Uid:"u8, Effective) == OurUid;
    }

    private static long OurUid => FileStatus.EffectiveUid;

    /// <summary>Whether <paramref name="ancestor"/> is the process's parent, or its parent's, and so on up to init.</summary>
    public static bool DescendsFrom(int pid, int ancestor)
    {
        // A parent that exits during the walk ends it early; its children have been re-parented by then (to TuiProf,
        // for a launch's orphan), so the walk is made once more. The bound is for a chain torn by PID reuse.
        for (var walk = 0; walk < 2; walk++)
        {
            var current = pid;
            for (var steps = 0; steps < MaxDepth; steps++)
            {
                var parent = ParentOf(current);
                if (parent == ancestor) return true;
                if (parent is not > 0) break; // init's parent is 0; null: gone
                current = parent.Value;
            }
        }
        return false;
    }

    private const int MaxDepth = 4096;

    /// <summary>When the process started, in clock ticks since boot (field 22 of <c>/proc/PID/stat</c>); null once it is gone.</summary>
    public static long? StartTime(int pid)
    {
        var stat = ProcFile.Read($"/proc/{pid}/stat", stackalloc byte[StatLength]);
        var afterName = stat.LastIndexOf(")"u8); // the name in parentheses may itself hold spaces and parentheses
        return afterName < 0 ? null : ProcFile.Number(stat[(afterName + 2)..], 19);
    }

    /// <summary>
    /// Whether the process is stopped (SIGSTOP, Ctrl-Z, or held by a debugger: state T or t in <c>/proc/PID/stat</c>):
    /// its runtime answers nothing until it continues.
    /// </summary>
    public static bool IsStopped(int pid)
    {
        var stat = ProcFile.Read($"/proc/{pid}/stat", stackalloc byte[StatLength]);
        var afterName = stat.LastIndexOf(")"u8);
        return afterName >= 0 && afterName + 2 < stat.Length && stat[afterName + 2] is (byte)'T' or (byte)'t';
    }

    /// <summary>Enough of /proc/PID/stat for its 52 numbers.</summary>
    private const int StatLength = 1024;

    /// <summary>Whether the process was started with <paramref name="variable"/> set to <paramref name="value"/>.</summary>
    public static bool HasEnvironment(int pid, string variable, string value) =>
        EnvironmentOf(pid).Contains($"{variable}={value}", StringComparer.Ordinal);

    /// <summary>The TMPDIR the process was started with, null when it had none (or is gone).</summary>
    public static string? TempDirectoryOf(int pid) =>
        EnvironmentOf(pid).FirstOrDefault(v => v.StartsWith("TMPDIR=", StringComparison.Ordinal))?["TMPDIR=".Length..];

    /// <summary>The process's environment as it started, NAME=VALUE each; empty once it is gone.</summary>
    private static string[] EnvironmentOf(int pid) => Read($"/proc/{pid}/environ").Split('\0');

    /// <summary>
    /// The PID a process sees itself by when it runs in a PID namespace below this one (the last of the NSpid line of
    /// <c>/proc/PID/status</c>, e.g. 1 in a container); null when it shares this namespace.
    /// </summary>
    public static int? PidInItsOwnNamespace(int pid) =>
        Read($"/proc/{pid}/status").Split('\n').FirstOrDefault(l => l.StartsWith("NSpid:", StringComparison.Ordinal))?
                ["NSpid:".Length..].Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries) is [_, .., var inner]
            && int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var own)
            ? own
            : null;

    /// <summary>
    /// A uid of a process (<see cref="Real"/>, its owner, or <see cref="Effective"/>), null when it is gone; others'
    /// sockets are no use.
    /// </summary>
    /// <summary>Whose the process is (its real uid), null once it is gone.</summary>
    public static long? OwnerOf(int pid) => Uid(pid);

    private static long? Uid(int pid, int which = Real) =>
        ProcFile.Field(ProcFile.Read($"/proc/{pid}/status", stackalloc byte[StatusHead]), "Uid:"u8, which);

    /// <summary>The order of the uids on the Uid line of /proc/PID/status: real, effective, saved, filesystem.</summary>
    private const int Real = 0, Effective = 1;

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }
}
