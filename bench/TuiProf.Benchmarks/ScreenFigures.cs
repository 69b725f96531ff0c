using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TuiProf.Benchmarks;

/// <summary>Figures of the real TUI in tmux, read off the screen as a person would: start, g to marker, CPU.</summary>
public static partial class ScreenFigures
{
    private static Tmux _tmux = null!;

    public static async Task<IEnumerable<Row>> MeasureAsync()
    {
        var starts = new List<double>();
        for (var i = 0; i < 6; i++) // the first run warms this harness's own code and the disk cache: not counted
        {
            var start = await StartMillisecondsAsync();
            if (i > 0) starts.Add(start);
            await QuitAsync();
        }

        _tmux = await Tmux.StartAsync($"{Tools.TuiProf} run manual-collect", 100, 30);
        await _tmux.WaitForAsync(s => s.Contains("running") && Braille(s), TimeSpan.FromSeconds(10));
        var toMarker = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            await _tmux.SendKeysAsync("g");
            var screen = await _tmux.WaitForAsync(s => OnScreen().IsMatch(s), TimeSpan.FromSeconds(5));
            toMarker.Add(double.Parse(OnScreen().Match(screen).Groups[1].Value));
            await Task.Delay(1000);
        }

        var cpu = await ProcStat.CpuPercentAsync(await _tmux.PanePidAsync(), TimeSpan.FromSeconds(20));
        await _tmux.KillAsync();
        return
        [
            new("start: `tuiprof run baseline` to memory on screen (5 runs)", $"median {Stats.Median(starts):0} ms", "<= 1500 ms", Stats.Median(starts) <= 1500),
            new("g -> induced marker on screen (10 presses)", $"p50 {Stats.Median(toMarker):0} ms, max {toMarker.Max():0} ms", "<= 300 ms", toMarker.Max() <= 300),
            new("TuiProf CPU drawing a live scenario (20 s, 10 fps)", $"{cpu:0.0} % of one core", "<= 3 %", cpu <= 3),
        ];
    }

    public static bool Braille(string screen) => screen.Any(c => c is > '\u2800' and <= '\u28FF');

    /// <summary>
    /// Quits with q and waits for the program (and so its scenario) to be gone: a target still running from the
    /// last run competed for the two cores and slowed the next start from ~0.85 to ~1.5 s.
    /// </summary>
    private static async Task QuitAsync()
    {
        var pid = await _tmux.PanePidAsync();
        await _tmux.SendKeysAsync("q");
        await ProcStat.WaitGoneAsync(pid, TimeSpan.FromSeconds(5));
        await _tmux.KillAsync();
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
            _tmux = await Tmux.StartAsync($"{Tools.TuiProf} run baseline", 100, 30, ";", "pipe-pane", "-t", "m", "-o", $"cat >> {received}");
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

    [GeneratedRegex(@"on screen (\d+) ms after g")]
    private static partial Regex OnScreen();
}
