using CliWrap;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Faults;

/// <summary>Signals and waits on real processes; a process's end raises nothing we can await, so /proc is polled, bounded.</summary>
public static class Signals
{
    public static Task SendAsync(int pid, string signal) =>
        RunningProcess.RunAsync(Cli.Wrap("kill").WithArguments([$"-{signal}", $"{pid}"]), TimeSpan.FromSeconds(30));

    public static async Task<bool> GoneWithinAsync(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (ProcessInfo.IsAlive(pid) && !IsZombie(pid) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return !ProcessInfo.IsAlive(pid) || IsZombie(pid);
    }

    /// <summary>Waits until <paramref name="path"/> holds a line that satisfies <paramref name="condition"/>.</summary>
    public static async Task WaitForLineAsync(string path, Func<string, bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && ReadShared(path).Split('\n').Any(condition)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{path} got no matching line in {limit.TotalSeconds} s");
    }

    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Waits until a .NET process's diagnostics socket exists.</summary>
    public static async Task WaitForSocketAsync(int pid, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Core.Targets.DiagnosticSocket.IsPublished(pid))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"process {pid} published no diagnostics socket");
            await Task.Delay(20);
        }
    }

    /// <summary>The pids of a process's children.</summary>
    /// <summary>A launch's two children: the launched target, and the watchdog shell that ends it if tuiprof dies.</summary>
    public static (int Target, int Watchdog) TargetAndWatchdogOf(int tuiprof)
    {
        var children = ChildrenOf(tuiprof);
        Assert.Equal(2, children.Count);
        var watchdog = Assert.Single(children, c => ProcessInfo.NameOf(c) == "sh");
        return (children.Single(c => c != watchdog), watchdog);
    }

    public static IReadOnlyList<int> ChildrenOf(int pid) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).Select(int.Parse!)
            .Where(child => ParentOf(child) == pid).ToList();

    public static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException) { return -1; }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] == 'Z';
        }
        catch (IOException) { return false; }
    }
}
