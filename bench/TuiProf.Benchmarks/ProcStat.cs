using System.Diagnostics;

namespace TuiProf.Benchmarks;

/// <summary>What /proc says of a process: CPU time, RSS, name, children.</summary>
public static class ProcStat
{
    /// <summary>utime + stime in clock ticks (10 ms).</summary>
    public static long CpuTicks(int pid)
    {
        var fields = StatFields(pid);
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }

    /// <summary>CPU time used by a process over a span, in % of one core.</summary>
    public static async Task<double> CpuPercentAsync(int pid, TimeSpan span)
    {
        var before = CpuTicks(pid);
        await Task.Delay(span);
        return PercentOfCore(CpuTicks(pid) - before, span);
    }

    public static double PercentOfCore(long ticks, TimeSpan span) => ticks * 10.0 / span.TotalMilliseconds * 100;

    /// <summary>VmRSS in bytes.</summary>
    public static long Rss(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:")).Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).First();

    public static string Name(int pid) => File.ReadAllText($"/proc/{pid}/comm").Trim();

    /// <summary>
    /// The process a tmux pane runs: the pane's own process unless it is a shell that started the command as its
    /// child (tmux runs the command through sh -c, which may or may not exec it).
    /// </summary>
    public static int Tool(int panePid)
    {
        var pid = panePid;
        while (Name(pid) is "sh" or "bash" or "dash" && Children(pid).FirstOrDefault() is var child and > 0) pid = child;
        return pid;
    }

    public static IEnumerable<int> Children(int pid) =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var p) ? p : 0)
            .Where(p => p > 0 && ParentOf(p) == pid);

    /// <summary>The process and all its descendants.</summary>
    public static IEnumerable<int> Tree(int pid) => Children(pid).SelectMany(Tree).Prepend(pid);

    /// <summary>Running: a zombie (ended, not yet reaped by its parent) is not.</summary>
    public static bool IsAlive(int pid)
    {
        try { return StatFields(pid)[0] != "Z"; }
        catch (IOException) { return false; }
    }

    public static async Task WaitGoneAsync(int pid, TimeSpan limit)
    {
        for (var waited = Stopwatch.StartNew(); IsAlive(pid) && waited.Elapsed < limit;)
            await Task.Delay(20);
    }

    private static int ParentOf(int pid)
    {
        try { return int.Parse(StatFields(pid)[1]); }
        catch (IOException) { return 0; } // gone meanwhile
    }

    /// <summary>The fields of /proc/PID/stat after the command name (which may hold spaces): [0] is the state.</summary>
    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
