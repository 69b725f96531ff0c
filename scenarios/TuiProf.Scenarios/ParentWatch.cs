namespace TuiProf.Scenarios;

/// <summary>
/// Ends the scenario when the process that launched it is gone. A profiler killed with SIGKILL cannot end its
/// children, and a looping scenario would otherwise run forever, orphaned.
/// </summary>
public static class ParentWatch
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    public static void Start()
    {
        var parent = ParentId();
        var thread = new Thread(() =>
        {
            while (ParentId() == parent)
                Thread.Sleep(Period);
            Environment.Exit(0);
        }) { IsBackground = true, Name = "parent watch" };
        thread.Start();
    }

    // The 4th field of /proc/self/stat, after the command name in parentheses (which may itself hold spaces).
    private static int ParentId()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }
}
