using TuiProf.Core.Targets;
using TuiProf.Tests.Fleet;

namespace TuiProf.Tests.Tui;

/// <summary><c>tuiprof top</c> in tmux, as a person over SSH would use it, on scenario processes started by the test.</summary>
[Collection(nameof(HostWide))]
public sealed class TopScreenTests
{
    [Theory(Timeout = 90_000)]
    [InlineData(80, 24, "C.UTF-8")]
    [InlineData(120, 40, "C.UTF-8")]
    [InlineData(80, 24, "C")]
    public async Task Top_lists_the_processes_by_name_Enter_opens_one_Esc_comes_back_and_one_that_exits_leaves_the_list(int width, int height, string locale)
    {
        await using var baseline = new RunningScenario("baseline");
        await using var churn = new RunningScenario("churn");
        var leak = new RunningScenario("leak");
        await using var _ = leak;
        await using var tui = await TmuxScreen.StartAsync(width, height, [$"LANG={locale}", "LC_ALL=", "NO_COLOR=1"],
            ["top", "--pid", $"{baseline.ProcessId}", "--pid", $"{churn.ProcessId}", "--pid", $"{leak.ProcessId}"]);

        var list = await tui.WaitForAsync(s => s.Contains("3 .NET processes") && Rows(s).Count(r => r.Contains(" Scenarios ") || r.Contains("TuiProf.Scenarios ")) == 3 &&
                                               Rows(s).All(r => r.Contains('M') || r.Contains('K')), "three rows read");
        Assert.Contains("churn --", list);
        Assert.All(list.Split('\n'), line => Assert.True(line.Length <= width));
        if (locale == "C") Assert.All(list, c => Assert.True(c < 0x80, $"'{c}' on an ASCII terminal"));

        await tui.SendKeysAsync("/");
        foreach (var key in "churn") await tui.SendKeysAsync(key.ToString());
        await tui.SendKeysAsync("Enter");
        await tui.WaitForAsync(s => s.Contains("filter: churn") && Rows(s).Count() == 1, "the list filtered to churn");
        await tui.SendKeysAsync("Enter");
        var dashboard = await tui.WaitForAsync(s => s.Contains($"pid {churn.ProcessId} running") && s.Contains("GC heap"), "churn's dashboard");
        Assert.DoesNotContain("filter: churn", dashboard);

        await tui.SendKeysAsync("Escape");
        await tui.WaitForAsync(s => s.Contains("filter: churn") && Rows(s).ToList() is [var only] && only.StartsWith(">*"), "back on the list, churn marked open");
        await tui.SendKeysAsync("Escape"); // clears the filter
        await tui.WaitForAsync(s => Rows(s).Count() == 3, "the three rows again");

        await leak.DisposeAsync();
        await tui.WaitForAsync(s => s.Contains("2 .NET processes") && !s.Contains($" {leak.ProcessId} "), "leak gone from the list");

        await tui.SendKeysAsync("q");
        var end = await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the exit");
        Assert.Contains($"{TmuxScreen.ExitMarker} 0", end);
        Assert.True(ProcessInfo.IsAlive(churn.ProcessId), "a watched process runs on after top quits");
    }

    /// <summary>The list's rows: between the column titles and the legend, those that start with a mark and a PID.</summary>
    private static IEnumerable<string> Rows(string screen) =>
        screen.Split('\n').Skip(2).TakeWhile(l => !l.Contains("heap left by gen-2")).Where(l => l.Length > 9 && char.IsDigit(l.TrimStart(' ', '>', '*')[0]));
}
