using System.Text;

namespace TuiProf.Tests.Targets;

/// <summary>
/// The processes a test started, at any depth, found by a marker in their environment (inherited by every descendant,
/// also by orphans re-parented to init), and what state they are in, read from /proc.
/// </summary>
public sealed class TreeProcesses(string marker)
{
    public const string Variable = "TUIPROF_TARGET_TEST";

    public string Marker { get; } = marker;

    public IReadOnlyList<int> Alive() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var p) ? p : 0)
            .Where(p => p > 0 && p != Environment.ProcessId && State(p) is not (null or 'Z') && Environ(p).Contains(Entry))
            .ToList();

    /// <summary>
    /// Processes that are stopped (T), or .NET runtimes held in the startup pause: libcoreclr is loaded but not even
    /// System.Private.CoreLib, and still so after <paramref name="grace"/> (a runtime that starts normally maps it
    /// within a few hundred milliseconds).
    /// </summary>
    public async Task<IReadOnlyList<string>> StuckAsync(TimeSpan grace)
    {
        var first = Alive().Where(p => IsStopped(p) || IsHeldAtStartup(p)).ToList();
        if (first.Count == 0) return [];
        await Task.Delay(grace);
        return first.Where(p => IsStopped(p) || IsHeldAtStartup(p)).Select(Describe).ToList();
    }

    /// <summary>Waits until every marked process has ended; returns those still alive after <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<string>> LeftAfterAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (Alive().Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        return Alive().Select(Describe).ToList();
    }

    public void KillAll()
    {
        // Repeated: a process being killed may still be starting children.
        for (var round = 0; round < 5; round++)
        {
            var alive = Alive();
            if (alive.Count == 0) return;
            foreach (var pid in alive)
                try { System.Diagnostics.Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            Thread.Sleep(100);
        }
    }

    public static string Describe(int pid) => $"{pid} [{State(pid)}{(IsHeldAtStartup(pid) ? ", held at runtime startup" : "")}] {CommandLine(pid)}";

    public static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();

    public static char? State(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var close = stat.LastIndexOf(')');
        return close > 0 && close + 2 < stat.Length ? stat[close + 2] : null;
    }

    private static bool IsStopped(int pid) => State(pid) is 'T' or 't';

    public static bool IsHeldAtStartup(int pid)
    {
        var maps = Read($"/proc/{pid}/maps");
        return maps.Contains("libcoreclr.so") && !maps.Contains("System.Private.CoreLib.dll");
    }

    private string Entry => $"{Variable}={Marker}";

    private static string[] Environ(int pid) => Read($"/proc/{pid}/environ").Split('\0');

    private static string Read(string path)
    {
        try { return Encoding.UTF8.GetString(File.ReadAllBytes(path)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }
}
