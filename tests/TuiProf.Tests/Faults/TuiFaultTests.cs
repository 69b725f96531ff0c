using System.Text.RegularExpressions;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.Tui;

namespace TuiProf.Tests.Faults;

public partial class TuiFaultTests
{
    private static string[] Run(params string[] command) => ["run", "--", DotNetHost.Path, ScenarioCatalog.AssemblyPath, .. command];

    [Fact(Timeout = 120_000)]
    public async Task A_target_that_exits_leaves_the_screen_up_with_its_exit_code_and_r_restarts_it()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30, [], Run("baseline"));

        var exited = await tui.WaitForAsync(s => s.Contains("exited (code 0)"), "the exit", seconds: 20);
        Assert.Contains("MB┤", exited);
        Assert.Contains("Averages:", exited);

        await tui.SendKeysAsync("r");
        await tui.WaitForRunningTargetAsync("the restarted target");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("999999", "tuiprof: process 999999 is not running")]
    [InlineData("1", "tuiprof: process 1 has no .NET diagnostics endpoint")]
    public async Task Attaching_the_screen_to_a_dead_pid_or_to_pid_1_is_one_line_and_exit_1_not_a_screen_saying_failed(string pid, string line)
    {
        // A TMPDIR of its own: a runtime that died in its own PID namespace can leave a socket numbered 1 in /tmp.
        await using var tui = await TmuxScreen.StartAsync(100, 30, [$"TMPDIR={TestTemp.Directory("tuiprof-test-")}"], ["attach", pid]);

        var ended = await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the command's end");
        Assert.StartsWith(line, ended.TrimStart());
        Assert.Contains($"{TmuxScreen.ExitMarker} 1", ended);
    }

    [Fact(Timeout = 120_000)]
    public async Task Bare_tuiprof_followed_by_a_command_profiles_that_command_not_the_built_in_scenarios()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30, [], Run("leak", "--loop")[1..]); // no "run": "-- dotnet ..."

        var running = await tui.WaitForAsync(TmuxScreen.ShowsRunning, "my program running");
        Assert.Contains($" TuiProf  {DotNetHost.Path} ", running); // once, the command was dropped and the scenarios ran
        Assert.DoesNotContain(" TuiProf  baseline ", running);
    }

    [Fact(Timeout = 120_000)]
    public async Task In_run_mode_no_key_ends_my_program_without_asking_esc_never_quits_and_r_restarts_my_command()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30, [], Run("leak", "--loop"));
        var pid = await tui.WaitForRunningTargetAsync("my program running");

        await tui.SendKeysAsync("Escape");
        await tui.WaitForAsync(s => s.Contains("q or F10 quits"), "Esc saying it does not quit");
        await tui.SendKeysAsync("1");
        await tui.WaitForAsync(s => s.Contains($"End pid {pid} (") && s.Contains("baseline?") && s.Contains("y: yes"), "the question before ending it");
        await tui.SendKeysAsync("n");
        var kept = await tui.WaitForAsync(s => !s.Contains("y: yes"), "the question gone");
        Assert.Equal(pid, TmuxScreen.RunningPid(kept));
        Assert.Contains($" TuiProf  {DotNetHost.Path} ", kept); // still my command, not a scenario

        await tui.SendKeysAsync("r");
        await tui.WaitForAsync(s => s.Contains($"End pid {pid} (") && s.Contains("again?"), "the question before restarting it");
        await tui.SendKeysAsync("y");
        var restarted = await tui.WaitForAsync(s => TmuxScreen.ShowsRunning(s) && TmuxScreen.RunningPid(s) != pid, "my command restarted");
        Assert.Contains($" TuiProf  {DotNetHost.Path} ", restarted);
        Assert.True(await Signals.GoneWithinAsync(pid, TimeSpan.FromSeconds(5)), $"the first run {pid} outlived its restart");

        await tui.SendKeysAsync("F10");
        await tui.WaitForAsync(s => s.Contains("Quit and end"), "the question before quitting");
        await tui.SendKeysAsync("F10"); // the same key again is a yes
        Assert.Contains($"{TmuxScreen.ExitMarker} 0", await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the exit"));
    }

    [Fact(Timeout = 120_000)]
    public async Task F1_opens_the_help_esc_closes_it_and_the_screen_stays_up()
    {
        await using var tui = await TmuxScreen.StartAsync(80, 24, "TERM=screen");
        await tui.WaitForRunningTargetAsync("a running target");

        await tui.SendKeysAsync("F1");
        await tui.WaitForAsync(s => s.Contains("Keys") && s.Contains("quit (asks before ending your program"), "the help with every key");
        await tui.SendKeysAsync("Escape");
        await tui.WaitForAsync(s => !s.Contains("any key closes this help"), "the help closed");
        await tui.SendKeysAsync("Escape");
        await tui.WaitForAsync(s => s.Contains("q or F10 quits"), "Esc saying it does not quit");
        await tui.SendKeysAsync("h");
        var screen = await tui.WaitForAsync(s => s.Contains("any key closes this help"), "h opening the help: Esc did not quit");
        Assert.DoesNotContain(TmuxScreen.ExitMarker, screen);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_target_dying_of_an_unhandled_exception_shows_code_134_and_its_stack_on_stderr()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30);
        await tui.WaitForRunningTargetAsync("a running target");

        await tui.SendKeysAsync("9");
        await tui.WaitForAsync(s => s.Contains("crash  pid") && s.Contains("exited (code 134)"), "the crash", seconds: 20);
        await tui.TabToPanelAsync("Target output");
        // The exit and the last lines of stderr come by different ways: the lines may be a frame later.
        var screen = await tui.WaitForAsync(s => s.Contains("InvalidOperationException"), "the exception on stderr", seconds: 5);
        Assert.Contains("MB┤", screen); // the graph stays up with what was recorded
        Assert.DoesNotContain("event stream ended", screen);
    }

    [Fact(Timeout = 120_000)]
    public async Task Ctrl_C_quits_like_q_and_ends_the_target()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30);
        var pid = await tui.WaitForRunningTargetAsync("a running target");

        await tui.SendKeysAsync("C-c");

        Assert.Contains($"{TmuxScreen.ExitMarker} 0", await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the exit"));
        Assert.True(await Signals.GoneWithinAsync(pid, TimeSpan.FromSeconds(5)), $"target {pid} outlived tuiprof");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_target_killed_with_SIGKILL_shows_its_code_and_the_screen_stays_up()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30);
        var pid = await tui.WaitForRunningTargetAsync("a running target");

        await Signals.SendAsync(pid, "KILL");

        var screen = await tui.WaitForAsync(s => s.Contains($"pid {pid} exited (code 137)"), "the killed target's exit code");
        Assert.Contains("q quit", screen);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_program_that_is_not_dotnet_gets_a_message_on_screen_not_a_crash()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30, [], ["run", "--", "sleep", "60"]);

        var screen = await tui.WaitForAsync(s => s.Contains("no .NET diagnostics endpoint"), "the failure message", seconds: 15);

        Assert.Contains("failed:", screen);
        await tui.SendKeysAsync("1");
        await tui.WaitForAsync(s => s.Contains("baseline  pid") && TmuxScreen.ShowsRunning(s), "a scenario started after the failure");
    }

    [Fact(Timeout = 120_000)]
    public async Task SIGTERM_ends_tuiprof_and_its_target_and_restores_the_terminal()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30);
        var target = await tui.WaitForRunningTargetAsync("a running target");
        var tuiprof = Signals.ParentOf(target);

        await Signals.SendAsync(tuiprof, "TERM");

        var screen = await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the program's exit");
        Assert.DoesNotContain("Scenarios", screen);
        Assert.True(await Signals.GoneWithinAsync(target, TimeSpan.FromSeconds(5)), $"target {target} outlived tuiprof");
    }

    [Fact(Timeout = 120_000)]
    public async Task Resizing_to_20x5_and_back_again_and_again_never_breaks_the_screen()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30);
        await tui.WaitForRunningTargetAsync("a running target");

        for (var i = 0; i < 5; i++)
        {
            await tui.ResizeAsync(20, 5);
            await tui.WaitForAsync(s => s.Contains("TuiProf: need 40x1"), "the too-small message");
            await tui.ResizeAsync(100, 30);
            await tui.WaitForAsync(s => s.Contains("q quit") && s.Contains("Scenarios"), "the full screen");
        }
        await tui.SendKeysAsync("q");
        Assert.Contains($"{TmuxScreen.ExitMarker} 0", await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "a clean exit"));
    }

    [Fact(Timeout = 120_000)]
    public async Task G_on_a_stopped_target_says_why_no_gc_came_and_the_screen_stays_responsive()
    {
        await using var tui = await TmuxScreen.StartAsync(100, 30);
        var pid = await tui.WaitForRunningTargetAsync("a running target");
        await Signals.SendAsync(pid, "STOP");
        try
        {
            await tui.SendKeysAsync("g");
            await tui.SendKeysAsync("Tab");
            await tui.WaitForAsync(s => s.Contains("Recent GCs"), "the panel switched while g waits", seconds: 2);

            var screen = await tui.WaitForAsync(s => s.Contains($"process {pid} did not answer for 3 s"), "why no GC came", seconds: 10);
            Assert.Contains("no GC was forced", screen);
        }
        finally
        {
            await Signals.SendAsync(pid, "CONT");
        }
    }

}
