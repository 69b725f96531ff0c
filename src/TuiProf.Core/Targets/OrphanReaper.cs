using System.Runtime.InteropServices;

namespace TuiProf.Core.Targets;

/// <summary>
/// Reaps the launch's orphans that TuiProf adopted as their subreaper (<see cref="ChildSubreaper"/>): .NET's
/// <c>Process</c> waits only for the processes it started, so an adopted orphan that exits stays a zombie (a PID and a
/// /proc entry) until TuiProf ends. Once a second, each child of TuiProf that the launch's mark claims is remembered
/// while it runs, and waited for once it has exited. The launched process is never touched: its <c>Process</c> waits
/// for it, and fails fast when another wait took it. A child too short-lived to be seen running stays a zombie until
/// TuiProf ends (init reaps it then).
/// </summary>
internal sealed partial class OrphanReaper : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly Dictionary<int, long?> _orphans = []; // PID -> start time, so a reused PID is not taken for it
    private readonly CancellationTokenSource _stop = new();
    private readonly LaunchMark _mark;
    private readonly int _launched;

    public OrphanReaper(LaunchMark mark, int launched)
    {
        (_mark, _launched) = (mark, launched);
        _ = RunAsync();
    }

    public void Dispose() => _stop.Cancel();

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result))
        {
            foreach (var child in Children().Where(c => c != _launched && !_orphans.ContainsKey(c) && _mark.Claims(c)))
                _orphans[child] = ProcessInfo.StartTime(child);
            foreach (var (pid, started) in _orphans.ToList())
            {
                if (ProcessInfo.StartTime(pid) != started) _orphans.Remove(pid); // gone already
                else if (!ProcessInfo.IsAlive(pid) && WaitPid(pid, out _, NoHang) != 0) _orphans.Remove(pid); // reaped (or not ours to wait for)
            }
        }
    }

    /// <summary>TuiProf's children: each thread lists those it forked, and the orphans it adopted.</summary>
    private static IEnumerable<int> Children()
    {
        var children = new List<int>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                children.AddRange(File.ReadAllText(Path.Join(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a thread that ended meanwhile */ }
        }
        return children;
    }

    private const int NoHang = 1; // WNOHANG

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, out int status, int options);
}
