using System.Diagnostics;

namespace TuiProf.Benchmarks;

/// <summary>
/// One tool drawing in a tmux server of its own, at the size the figures are taken at; on dispose it is quit as
/// a person would (q, again if it asks), and whatever of its process tree is left is killed.
/// </summary>
public sealed class ToolScreen : IAsyncDisposable
{
    public const int Width = 120;
    public const int Height = 40;

    private ToolScreen(Tmux tmux, int pid) => (Tmux, Pid) = (tmux, pid);

    public Tmux Tmux { get; }

    /// <summary>The tool's own process (not a shell around it).</summary>
    public int Pid { get; }

    public static async Task<ToolScreen> StartAsync(string command)
    {
        var tmux = await Tmux.StartAsync(command, Width, Height);
        return new ToolScreen(tmux, ProcStat.Tool(await tmux.PanePidAsync()));
    }

    public async ValueTask DisposeAsync()
    {
        var tree = ProcStat.Tree(Pid).ToList();
        await Tmux.SendKeysAsync("q");
        await ProcStat.WaitGoneAsync(Pid, TimeSpan.FromSeconds(1));
        if (ProcStat.IsAlive(Pid)) await Tmux.SendKeysAsync("q"); // "quit? this ends your program": the same key again
        await ProcStat.WaitGoneAsync(Pid, TimeSpan.FromSeconds(5));
        await Tmux.KillAsync();
        foreach (var pid in tree.Where(ProcStat.IsAlive))
            try { Process.GetProcessById(pid).Kill(); }
            catch (ArgumentException) { /* ended meanwhile */ }
    }
}
