namespace TuiProf.Tests.Tui;

public sealed class TerminalKeysTests
{
    /// <summary>
    /// .NET's console turns a terminal's cursor keys and keypad to application mode the first time it is used on it
    /// (to stdout, or to stdin when stdout is redirected) and never back: a shell's Up arrow then sends <c>^[OA</c>,
    /// PuTTY's numeric keypad letters. Every command, not only the live screen, puts them back.
    /// </summary>
    [Theory(Timeout = 60_000)]
    [InlineData("scenarios")]
    [InlineData("scenarios > /dev/null 2>&1")]
    [InlineData("--help | cat")]
    [InlineData("attach abc")]
    [InlineData("view /nonexistent.jsonl 2> /dev/null")]
    public async Task A_command_that_prints_and_exits_leaves_the_keys_in_normal_mode(string commandLine)
    {
        await using var shell = await TmuxScreen.StartAsync(100, 30, [], [commandLine]);
        await shell.WaitForAsync(s => s.Contains(TmuxScreen.ExitMarker), "the command's end");

        Assert.Equal("0 0", string.Join(' ', (await shell.TerminalStateAsync()).Split(' ')[..2])); // cursor keys, keypad
    }
}
