using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;

namespace TuiProf.Benchmarks;

/// <summary>
/// One tmux server of its own (its own -L socket) with one session "m" running one command: a new session on a
/// server that is still shutting down fails, and two tools side by side must not share a server.
/// </summary>
public sealed class Tmux
{
    private readonly string _socket = $"tuiprof-bench-{Guid.NewGuid():N}";

    private Tmux() { }

    /// <summary>A new server running <paramref name="command"/> in a width x height pane; <paramref name="then"/> are more tmux commands run in the same call (after ";").</summary>
    public static async Task<Tmux> StartAsync(string command, int width, int height, params string[] then)
    {
        var tmux = new Tmux();
        await tmux.RunAsync(["new-session", "-d", "-s", "m", "-x", width.ToString(), "-y", height.ToString(), command, .. then]);
        return tmux;
    }

    public Task<string> ScreenAsync() => RunAsync("capture-pane", "-p", "-t", "m");

    /// <summary>
    /// Polls the screen until it satisfies the condition. Each look starts a tmux client: polling faster than every
    /// 50 ms slows what is being measured.
    /// </summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, TimeSpan limit)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < limit; await Task.Delay(50))
            if (await ScreenAsync() is var screen && condition(screen)) return screen;
        throw new TimeoutException($"the screen never showed what was awaited:\n{await ScreenAsync()}");
    }

    /// <summary>Quiet if the server is gone: a program quitting on the last key ends its server.</summary>
    public Task SendKeysAsync(string keys) => RunAsync(["send-keys", "-t", "m", keys], quietIfGone: true);

    /// <summary>Appends every byte the pane's program writes to the terminal to <paramref name="file"/>.</summary>
    public Task PipeToAsync(string file) => RunAsync("pipe-pane", "-t", "m", "-o", $"cat >> {file}");

    public async Task<int> PanePidAsync() => int.Parse((await RunAsync("display", "-p", "-t", "m", "#{pane_pid}")).Trim());

    /// <summary>Ends the server, if its program's exit has not already.</summary>
    public Task KillAsync() => RunAsync(["kill-server"], quietIfGone: true);

    public Task<string> RunAsync(params string[] arguments) => RunAsync(arguments, quietIfGone: false);

    private async Task<string> RunAsync(string[] arguments, bool quietIfGone)
    {
        var result = await Cli.Wrap("tmux").WithArguments(["-L", _socket, .. arguments]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        var gone = result.StandardError.Contains("no server running") || result.StandardError.Contains("server exited unexpectedly");
        if (result.StandardError.Length > 0 && !(quietIfGone && gone))
            Console.Error.WriteLine("tmux: " + result.StandardError.Trim());
        return result.StandardOutput;
    }
}
