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

    /// <summary>CSV keeps a name as it is (mprof's format has no room for a control character, JSON escapes it).</summary>
    [Fact(Timeout = 60_000)]
    public async Task A_csv_export_printed_on_a_terminal_spells_out_what_a_target_named_and_one_redirected_keeps_it_exact()
    {
        var recording = CommandLine.TuiProfCli.TempFile("hostile.jsonl");
        var name = System.Text.Json.JsonSerializer.Serialize("Work" + HostileText.Text);
        await File.WriteAllTextAsync(recording, $$"""
            {"type":"start","t":0,"target":"hostile","pid":1,"origin":"2026-01-01T00:00:00.0000000Z"}
            {"type":"sample","t":0.1,"rss":30000000,"heap":1000000}
            {"type":"bracket","name":{{name}},"start":0.2,"end":0.9,"depth":0,"thread":1,"id":"a"}
            {"type":"counter","t":0.5,"provider":"Evil","name":{{name}},"displayName":{{name}},"unit":"","rate":false,"value":1}
            {"type":"sample","t":1.0,"rss":60000000,"heap":2000000}

            """);
        await using var tui = await TmuxScreen.StartAsync(200, 40, [], ["export", recording, "--format", "csv"]);

        var screen = await tui.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the export", seconds: 30);

        Assert.Contains($"{TmuxScreen.ExitMarker} 0", screen);
        Assert.Contains("Work^[]0;PWNED^G", screen);
        Assert.Equal(await tui.DisplayAsync("#{host}"), await tui.DisplayAsync("#{pane_title}"));
        Assert.Equal("", await tui.BuffersAsync());
        var exact = await CommandLine.TuiProfCli.RunAsync("export", recording, "--format", "csv");
        Assert.Contains("\u001b]0;PWNED\u0007", exact.StandardOutput); // redirected: the exact text, for the tool that reads it
    }
}
