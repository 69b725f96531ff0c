using Microsoft.Diagnostics.NETCore.Client;

namespace TuiProf.Core.Diagnostics;

/// <summary>A process that can be attached to, as <c>tuiprof ps</c> lists it.</summary>
public sealed record ProcessInfo(int Pid, string Name, string CommandLine)
{
    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>The .NET processes whose diagnostics socket this user can see, except this one.</summary>
    public static IReadOnlyList<ProcessInfo> Attachable() =>
        DiagnosticsClient.GetPublishedProcesses()
            .Where(pid => pid != Environment.ProcessId && IsAlive(pid))
            .Select(pid => new ProcessInfo(pid, Read($"/proc/{pid}/comm").Trim(), Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()))
            .OrderBy(p => p.Pid)
            .ToList();

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }
}
