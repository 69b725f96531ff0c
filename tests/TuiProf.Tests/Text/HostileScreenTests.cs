using TuiProf.HostileTarget;
using TuiProf.Tests.Tui;

namespace TuiProf.Tests.Text;

public class HostileScreenTests
{
    [Fact(Timeout = 90_000)]
    public async Task Neither_tuiprof_nor_a_target_writing_escape_sequences_changes_the_terminals_title_screen_or_clipboard_and_the_escapes_show_spelled_out()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40, [], ["run", "--", $"'{RunningHostileTarget.Host}'", RunningHostileTarget.Assembly]);

        // The last line the target wrote, whole: whatever its escape sequences did, they did it by now.
        var screen = await tui.WaitForAsync(s => s.Contains(HostileText.End) && s.Contains("Span"), "the target's output and a call", seconds: 45);

        Assert.Equal(await tui.DisplayAsync("#{host}"), await tui.DisplayAsync("#{pane_title}")); // as tmux named the pane
        Assert.Equal("1", await tui.DisplayAsync("#{alternate_on}"));
        Assert.Equal("", await tui.BuffersAsync());
        Assert.Contains($"{HostileText.Shown}{HostileText.End}", screen); // the target's last line
        Assert.Contains("dotnet^[]0;PWNED^G", screen); // the header: the command, cut
        Assert.Contains($"Span{HostileText.Shown}", screen); // the calls' legend
    }
}
