using System.Diagnostics;
using CliWrap;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Tui;

/// <summary>
/// The real <c>tuiprof</c> in a detached tmux session of its own server: keys in with send-keys, the screen out with
/// capture-pane, as a person over SSH would see it. When the program ends, the pane prints its exit code.
/// </summary>
public sealed partial class TmuxScreen : IAsyncDisposable
{
    private static readonly string Program = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;
    private readonly string _socket = $"tuiprof-test-{Guid.NewGuid():N}";

    public const string ExitMarker = "TUIPROF-EXITED";

    public static Task<TmuxScreen> StartAsync(int width, int height, params string[] environment) =>
        StartAsync(width, height, environment, []);

    public static async Task<TmuxScreen> StartAsync(int width, int height, string[] environment, string[] arguments)
    {
        var screen = new TmuxScreen();
        var command = $"{TuiProf.Targets.DotNetHost.Path} {Program} {string.Join(' ', arguments)}; echo {ExitMarker} $?; sleep 600";
        // Programs may write tmux's buffers (OSC 52, the clipboard), so that a test sees a write that should not be.
        List<string> tmux = ["start-server", ";", "set-option", "-s", "set-clipboard", "on", ";",
            "new-session", "-d", "-s", "main", "-x", $"{width}", "-y", $"{height}"];
        foreach (var variable in environment) tmux.AddRange(["-e", variable]);
        tmux.Add(command);
        await screen.TmuxAsync(tmux.ToArray());
        return screen;
    }

    public Task ResizeAsync(int width, int height) =>
        TmuxAsync("resize-window", "-t", "main", "-x", $"{width}", "-y", $"{height}");

    public Task SendKeysAsync(string keys) => TmuxAsync("send-keys", "-t", "main", keys);

    public async Task<string> CaptureAsync() => (await TmuxAsync("capture-pane", "-p", "-t", "main")).StandardOutput;

    /// <summary>The screen with its SGR escape codes (colours, reverse video), as the terminal received them.</summary>
    public async Task<string> CaptureWithAttributesAsync() =>
        (await TmuxAsync("capture-pane", "-e", "-p", "-t", "main")).StandardOutput;

    /// <summary>Captures the screen until it satisfies <paramref name="condition"/>; fails with the last screen.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, string what, double seconds = 15)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            screen = await CaptureAsync();
            if (condition(screen)) return screen;
            await Task.Delay(100); // tmux has no change notification: poll the pane, bounded by the deadline
        }
        throw new TimeoutException($"after {seconds} s the screen did not show {what}:\n{screen}");
    }

    /// <summary>Waits until the header shows a running target, and returns its PID.</summary>
    public async Task<int> WaitForRunningTargetAsync(string what = "a running target") =>
        RunningPid(await WaitForAsync(ShowsRunning, what));

    public static bool ShowsRunning(string screen) => RunningTarget().IsMatch(screen);

    public static int RunningPid(string screen) => int.Parse(RunningTarget().Match(screen).Groups[1].Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"pid (\d+) running")]
    private static partial System.Text.RegularExpressions.Regex RunningTarget();

    /// <summary>Presses Tab, as a person would, until the panel with this title is on screen.</summary>
    public async Task<string> TabToPanelAsync(string title)
    {
        for (var i = 0; i < TuiProf.Screen.Panels.PanelList.All.Count; i++)
        {
            await SendKeysAsync("Tab");
            try { return await WaitForAsync(s => s.Contains(title), $"the {title} panel", seconds: 1.5); }
            catch (TimeoutException) { } // not this one: on to the next panel
        }
        throw new TimeoutException($"Tab never showed the {title} panel:\n{await CaptureAsync()}");
    }

    /// <summary>
    /// The terminal's modes as tmux tracks them: cursor keys and keypad (application or normal), scroll region,
    /// alternate screen, cursor shown, mouse reporting. A fresh pane is 0 0 0 h-1 0 1 0.
    /// </summary>
    public Task<string> TerminalStateAsync() =>
        DisplayAsync("#{keypad_cursor_flag} #{keypad_flag} #{scroll_region_upper} #{scroll_region_lower} #{alternate_on} #{cursor_flag} #{mouse_any_flag}");

    /// <summary>What tmux knows of the pane, in its format language (e.g. <c>#{pane_title}</c>).</summary>
    public async Task<string> DisplayAsync(string format) =>
        (await TmuxAsync("display", "-p", "-t", "main", format)).StandardOutput.Trim();

    /// <summary>tmux's paste buffers, one a line: what programs in it wrote to the clipboard.</summary>
    public async Task<string> BuffersAsync() => (await TmuxAsync("list-buffers")).StandardOutput.Trim();

    /// <summary>The pane's whole text, scrollback included.</summary>
    public async Task<string> CaptureHistoryAsync() => (await TmuxAsync("capture-pane", "-p", "-S", "-1000", "-t", "main")).StandardOutput;

    /// <summary>Ends the tmux server: the terminal disappears under the program, as when an SSH connection drops.</summary>
    public Task HangUpAsync() =>
        RunningProcess.RunAsync(Cli.Wrap("tmux").WithArguments(["-L", _socket, "kill-server"])
            .WithValidation(CommandResultValidation.None), Limit);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendKeysAsync("q");
            await SendKeysAsync("y"); // if quitting would end the user's program, TuiProf asks first
            await WaitForAsync(s => s.Contains(ExitMarker), "the program's exit", seconds: 10);
        }
        catch (Exception e) when (e is TimeoutException or CliWrap.Exceptions.CommandExecutionException) { }
        await HangUpAsync();
    }

    private Task<ProcessOutcome> TmuxAsync(params string[] arguments) =>
        RunningProcess.RunAsync(Cli.Wrap("tmux").WithArguments(["-L", _socket, .. arguments]), Limit);

    /// <summary>Far beyond a tmux command's few milliseconds, even on a loaded machine.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
}
