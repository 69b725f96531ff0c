using System.Runtime.CompilerServices;

namespace TuiProf.Core.Fleet;

/// <summary>
/// A process whose events are exported (as metrics, as spans): who it is, whether it has gone, and its timeline's
/// clock. One of <c>serve</c>'s watched processes, or the target <c>record</c> profiles.
/// </summary>
/// <param name="now">Seconds on its timeline's clock now.</param>
public sealed class ExportedProcess(string key, int? pid, string name, string commandLine, Func<bool> gone, Func<double> now)
{
    private static readonly ConditionalWeakTable<WatchedProcess, ExportedProcess> Watched = new();

    /// <summary>A watched process as exported: the same object each time, so that it keys what is kept of it.</summary>
    public static ExportedProcess Of(WatchedProcess process) =>
        Watched.GetValue(process, p => new ExportedProcess(p.Key, p.Pid, p.Name, p.CommandLine, () => p.Gone, () => p.Now));

    /// <summary>What tells it from the others: "pid N", or a diagnostic port's path.</summary>
    public string Key => key;

    /// <summary>Its PID on this machine; null for a runtime behind a diagnostic port.</summary>
    public int? Pid => pid;

    public string Name => name;

    /// <summary>Exported only with --with-command-line: it may hold secrets.</summary>
    public string CommandLine => commandLine;

    public bool Gone => gone();

    public double Now => now();
}
