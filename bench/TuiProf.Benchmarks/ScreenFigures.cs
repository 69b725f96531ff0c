using System.Diagnostics;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace TuiProf.Benchmarks;

/// <summary>Figures of the real TUI in tmux, read off the screen as a person would: start, g to marker, CPU.</summary>
public static partial class ScreenFigures
{
    /// <summary>The apphost, as the installed tool runs it (through the dotnet muxer start-up is ~1 s slower).</summary>
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "tuiprof");
    // A server of its own per session: a new session on a server that is still shutting down fails.
    private static string _socket = "";

    public static async Task<IEnumerable<Row>> MeasureAsync()
    {
        var starts = new List<double>();
        for (var i = 0; i < 6; i++) // the first run warms this harness's own code and the disk cache: not counted
        {
            var start = await StartMillisecondsAsync();
            if (i > 0) starts.Add(start);
            await QuitAsync();
        }

        await NewSessionAsync($"{Program} run manual-collect");
        await WaitForAsync(s => s.Contains("running") && Braille(s), TimeSpan.FromSeconds(10));
        var toMarker = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            await Tmux("send-keys", "-t", "m", "g");
            var screen = await WaitForAsync(s => OnScreen().IsMatch(s), TimeSpan.FromSeconds(5));
            toMarker.Add(double.Parse(OnScreen().Match(screen).Groups[1].Value));
            await Task.Delay(1000);
        }

        var pid = int.Parse((await Tmux("display", "-p", "-t", "m", "#{pane_pid}")).Trim());
        var cpu = await CpuPercentAsync(pid, TimeSpan.FromSeconds(20));
        await Tmux("kill-server");
        return
        [
            new("start: `tuiprof run baseline` to memory on screen (5 runs)", $"median {Stats.Median(starts):0} ms", "<= 1500 ms", Stats.Median(starts) <= 1500),
            new("g -> induced marker on screen (10 presses)", $"p50 {Stats.Median(toMarker):0} ms, max {toMarker.Max():0} ms", "<= 300 ms", toMarker.Max() <= 300),
            new("TuiProf CPU drawing a live scenario (20 s, 10 fps)", $"{cpu:0.0} % of one core", "<= 3 %", cpu <= 3),
        ];
    }

    /// <summary>CPU time used by a process over a span, from /proc/PID/stat (utime + stime, in clock ticks of 10 ms).</summary>
    private static async Task<double> CpuPercentAsync(int pid, TimeSpan span)
    {
        static long Ticks(int pid)
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        var before = Ticks(pid);
        await Task.Delay(span);
        return (Ticks(pid) - before) * 10.0 / span.TotalMilliseconds * 100;
    }

    private static bool Braille(string screen) => screen.Any(c => c is > '\u2800' and <= '\u28FF');

    private static async Task<string> WaitForAsync(Func<string, bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var screen = await Tmux("capture-pane", "-p", "-t", "m");
            if (condition(screen)) return screen;
            await Task.Delay(50); // each poll starts a tmux client: polling faster slows the start being measured
        }
        throw new TimeoutException("the screen never showed what was awaited");
    }

    /// <summary>
    /// Quits with q and waits for the program (and so its scenario) to be gone: a target still running from the
    /// last run competed for the two cores and slowed the next start from ~0.85 to ~1.5 s.
    /// </summary>
    private static async Task QuitAsync()
    {
        var pid = int.Parse((await Tmux("display", "-p", "-t", "m", "#{pane_pid}")).Trim());
        await Tmux("send-keys", "-t", "m", "q");
        for (var waited = Stopwatch.StartNew(); Directory.Exists($"/proc/{pid}") && waited.Elapsed.TotalSeconds < 5;)
            await Task.Delay(20);
        await Tmux("kill-server");
    }

    /// <summary>
    /// From launch to the first output holding memory lines, read from the bytes the terminal receives (tmux
    /// pipe-pane into a file), so no tmux client is started per look.
    /// </summary>
    private static async Task<double> StartMillisecondsAsync()
    {
        var received = Path.GetTempFileName();
        try
        {
            var clock = Stopwatch.StartNew();
            await NewSessionAsync($"{Program} run baseline", ";", "pipe-pane", "-t", "m", "-o", $"cat >> {received}");
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                var text = await File.ReadAllTextAsync(received);
                if (text.Contains("running") && Braille(text)) return clock.Elapsed.TotalMilliseconds;
                await Task.Delay(10);
            }
            throw new TimeoutException("the program never drew memory");
        }
        finally { File.Delete(received); }
    }

    private static Task<string> NewSessionAsync(string command, params string[] then)
    {
        _socket = $"tuiprof-bench-{Guid.NewGuid():N}";
        return Tmux(["new-session", "-d", "-s", "m", "-x", "100", "-y", "30", command, .. then]);
    }

    private static async Task<string> Tmux(params string[] arguments)
    {
        var result = await Cli.Wrap("tmux").WithArguments(["-L", _socket, .. arguments]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        if (result.StandardError.Length > 0) Console.Error.WriteLine("tmux: " + result.StandardError.Trim());
        return result.StandardOutput;
    }

    [GeneratedRegex(@"on screen (\d+) ms after g")]
    private static partial Regex OnScreen();
}
