using System.Text.RegularExpressions;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;

namespace TuiProf.Tests.Tui;

public partial class LiveScreenTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_live_screen_shows_the_baseline_graph_with_its_brackets_and_gc_markers()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40);

        var screen = await tui.WaitForAsync(s => s.Contains("baseline  pid") && BracketDuration().IsMatch(s) && GenTwoMarker().IsMatch(s),
            "a bracket with its duration and a gen-2 GC marker");

        Assert.Contains("LIVE 5s", screen);
        Assert.Contains("MB┤", screen);
        Assert.True(screen.Count(c => c == '┆') > 1, "no gen-2 GC line through the graph"); // the legend shows one
        await tui.TabToPanelAsync("Recent calls");
        await tui.WaitForAsync(s => s.Contains("Recent calls") && s.Contains("RandomNumberAverage"), "the calls panel");
    }

    [Fact(Timeout = 60_000)]
    public async Task With_allocations_a_panel_shows_the_types_that_allocate_and_the_last_calls()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40, [], ["run", "baseline", "--allocations"]);
        await tui.WaitForAsync(s => BracketDuration().IsMatch(s), "a finished call");

        await tui.TabToPanelAsync("Allocations by type");

        var screen = await tui.WaitForAsync(s => s.Contains("Allocations by type") && s.Contains("last call: RandomNumberAverage"),
            "the allocations panel with a call's own types");
        Assert.Matches(@"\d+\.\d MB  System\.Int64\[\]", screen);
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_force_a_collection_with_g_and_see_its_induced_marker()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40);
        await tui.WaitForAsync(s => s.Contains("pid") && s.Contains("running") && BracketDuration().IsMatch(s), "the first bracket");

        await tui.SendKeysAsync("g");
        var screen = await tui.WaitForAsync(s => s.Contains("forced GC #"), "the forced GC message", seconds: 5);

        Assert.Matches(@"forced GC #\d+: heap [\d.]+ -> [\d.]+ MB, gen 2 Induced", screen);
        Assert.Contains("┃", screen); // the induced GC's heavy line through the graph
    }

    [Fact(Timeout = 60_000)]
    public async Task Pressing_2_switches_scenario_and_the_old_target_is_gone()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40);
        var first = await tui.WaitForRunningTargetAsync("a running target");

        await tui.SendKeysAsync("2");
        // The header names the new target a moment before its status changes (LiveProfiler sets Target, then Status).
        var screen = await tui.WaitForAsync(s => s.Contains("gc-disabled  pid") && TmuxScreen.ShowsRunning(s) && TmuxScreen.RunningPid(s) != first,
            "gc-disabled running", seconds: 10);

        Assert.NotEqual(first, TmuxScreen.RunningPid(screen));
        Assert.False(ProcessInfo.IsAlive(first), $"the baseline process {first} is still alive");
        Assert.Contains(">2 gc-disabled", screen);
    }

    [Fact(Timeout = 60_000)]
    public async Task Run_with_a_scenario_selects_it_in_the_list_with_its_text()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40, [], ["run", "manual-collect"]);

        // Waits for all of it: a capture can fall between the writes of one frame (the header drawn, the list not yet).
        await tui.WaitForAsync(s => s.Contains("manual-collect  pid") && s.Contains(">5 manual-collect") &&
            s.Contains("What to look for: manual-collect"), "manual-collect running, selected, with its text");
    }

    [Fact(Timeout = 60_000)]
    public async Task Q_quits_after_an_enlarged_window_leaving_the_terminal_exactly_as_found_and_no_target_behind()
    {
        await using var tui = await TmuxScreen.StartAsync(80, 24);
        var pid = await tui.WaitForRunningTargetAsync("a running target");
        await tui.ResizeAsync(120, 40);
        await tui.WaitForAsync(s => s.Split('\n').Length >= 40 && LastLine(s).EndsWith("q quit"), "the 120x40 layout");

        await tui.SendKeysAsync("q");
        var screen = await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the program's exit");

        Assert.Contains($"{TmuxScreen.ExitMarker} 0", screen);
        Assert.Equal("0 0 0 39 0 1 0", await tui.TerminalStateAsync()); // normal cursor keys, whole-screen scroll region...
        var left = (await tui.CaptureHistoryAsync()).Split('\n').Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal([$"{TmuxScreen.ExitMarker} 0"], left); // ...and not one row of the dashboard above the prompt
        Assert.False(ProcessInfo.IsAlive(pid), $"the target {pid} outlived TuiProf");
    }

    [Fact(Timeout = 60_000)]
    public async Task With_LANG_C_NO_COLOR_and_TERM_screen_the_screen_is_plain_ascii_with_a_legend_that_tells_the_lines_apart()
    {
        await using var tui = await TmuxScreen.StartAsync(80, 24, "LANG=C", "LC_ALL=", "NO_COLOR=1", "TERM=screen");

        var screen = await tui.WaitForAsync(s => TmuxScreen.ShowsRunning(s) && s.Contains("|") && s.Contains("q quit"), "the ASCII dashboard");

        Assert.All(screen, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4} on screen:\n{screen}"));
        var codes = SgrCode().Matches(await tui.CaptureWithAttributesAsync()).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.All(codes, code => Assert.Contains(code, new[] { "0", "7", "27", "39", "49", "" })); // reverse video, never a colour
        Assert.Equal(24, screen.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("** RSS  oo GC heap", screen);
        Assert.True(screen.Split('\n').Count(l => GraphRow().IsMatch(l)) >= 10, $"fewer than 10 graph rows at 80x24:\n{screen}");
        Assert.EndsWith("h help  q quit", LastLine(screen));
    }

    [Fact(Timeout = 60_000)]
    public async Task When_the_terminal_goes_away_like_a_dropped_ssh_connection_tuiprof_and_its_target_end()
    {
        var tui = await TmuxScreen.StartAsync(80, 24);
        var target = await tui.WaitForRunningTargetAsync("a running target");
        var tuiprof = ParentOf(target);

        await tui.HangUpAsync();

        await WaitUntilGoneAsync(tuiprof, "tuiprof");
        await WaitUntilGoneAsync(target, "its target");
    }

    /// <summary>A process's end raises no event we can await from here: poll /proc, bounded.</summary>
    private static async Task WaitUntilGoneAsync(int pid, string what)
    {
        for (var i = 0; i < 100 && ProcessInfo.IsAlive(pid); i++)
            await Task.Delay(100);
        Assert.False(ProcessInfo.IsAlive(pid), $"{what} (pid {pid}) still runs 10 s after the terminal went away");
    }

    private static int ParentOf(int pid) =>
        int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    [Fact(Timeout = 60_000)]
    public async Task The_screen_redraws_to_fit_after_the_terminal_is_resized()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40);
        await tui.WaitForRunningTargetAsync("a running target");

        await tui.ResizeAsync(80, 24);
        var small = await tui.WaitForAsync(s => LastLine(s).EndsWith("q quit") && s.Split('\n').Length <= 25, "the 80x24 layout");
        await tui.ResizeAsync(30, 8);
        await tui.WaitForAsync(s => s.Contains("TuiProf: need 40x12"), "the too-small message");
        await tui.ResizeAsync(100, 30);
        var large = await tui.WaitForAsync(s => LastLine(s).EndsWith("q quit") && s.Contains("+/- zoom"), "the 100x30 layout");

        Assert.Contains("Scenarios", small);
        Assert.Contains("MB┤", large);
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_attach_the_live_screen_to_a_running_process()
    {
        await using var running = new RunningScenario("manual-collect");
        await using var tui = await TmuxScreen.StartAsync(120, 40, [], ["attach", $"{running.ProcessId}"]);

        var screen = await tui.WaitForAsync(s => s.Contains($"dotnet  pid {running.ProcessId} running") && s.Contains("┃"),
            "the attached process with an induced GC line");

        Assert.Contains("GC", screen);
    }

    [Fact(Timeout = 60_000)]
    public async Task P_lists_my_dotnet_processes_and_enter_attaches_to_one_without_ending_the_scenario_for_good()
    {
        await using var running = new RunningScenario("leak");
        await using var tui = await TmuxScreen.StartAsync(120, 40);
        var baseline = await tui.WaitForRunningTargetAsync("the baseline running");

        await tui.SendKeysAsync("p");
        await tui.WaitForAsync(s => s.Contains("Attach to a .NET process") && s.Contains($" {running.ProcessId}  dotnet"), "the picker listing the process");
        // Other .NET processes of this user (other tests' targets) may be listed too: move down to ours.
        var row = SelectedRow(await tui.CaptureAsync());
        while (!row.Contains($" {running.ProcessId} "))
        {
            await tui.SendKeysAsync("Down");
            var before = row;
            row = SelectedRow(await tui.WaitForAsync(s => SelectedRow(s) != before, "the selection moving down", seconds: 3));
        }
        await tui.SendKeysAsync("Enter");

        await tui.WaitForAsync(s => s.Contains($"dotnet  pid {running.ProcessId} running"), "the screen attached to the process");
        Assert.False(running.HasExited, "attaching ended the process it attached to");
        Assert.False(ProcessInfo.IsAlive(baseline), $"the baseline scenario {baseline} still runs after switching away from it");
    }

    private static string SelectedRow(string screen) => screen.Split('\n').FirstOrDefault(l => l.Contains("│>")) ?? "";

    private static string LastLine(string screen) => screen.TrimEnd('\n').Split('\n')[^1].TrimEnd();


    [GeneratedRegex(@"(?m)^GC\s+.*2")]
    private static partial Regex GenTwoMarker();

    [GeneratedRegex(@"^[ \d.]*(MB)?\|")]
    private static partial Regex GraphRow();

    [GeneratedRegex(@"\e\[([0-9;]*)m")]
    private static partial Regex SgrCode();

    [GeneratedRegex(@"\[[^\]]*\d?\.\d+s[^\]]*\]")]
    private static partial Regex BracketDuration();
}
