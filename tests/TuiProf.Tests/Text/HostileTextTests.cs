using System.Diagnostics;
using System.Globalization;
using CliWrap;
using TuiProf.HostileTarget;
using TuiProf.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Text;

/// <summary>
/// What a target names itself, its spans and its types, and what it writes, reaches no terminal raw: every command
/// that shows it spells it out (<see cref="Core.Text.SafeText"/>).
/// </summary>
public class HostileTextTests
{
    [Fact(Timeout = 120_000)]
    public async Task Record_and_plot_of_a_target_with_escape_sequences_in_its_names_write_them_spelled_out_never_raw()
    {
        var file = TuiProfCli.TempFile("hostile.jsonl");

        var record = await TuiProfCli.RunAsync("record", "-o", file, "-d", "3.5", "--", RunningHostileTarget.Host, RunningHostileTarget.Assembly);
        var plot = await TuiProfCli.RunAsync("plot", file, "--width", "120");

        Assert.True(record.ExitCode == 0, record.StandardError);
        Assert.Contains("Span" + HostileText.Text, RecordedFile.Read(file).BracketNames); // the recording keeps the exact text
        Assert.True(plot.ExitCode == 0, plot.StandardError);
        AssertNothingRaw(record.StandardError + plot.StandardOutput + plot.StandardError);
        Assert.Contains($"dotnet{HostileText.Shown} ", plot.StandardOutput); // the headline: the command
        Assert.Contains($"Span{HostileText.Shown} x", plot.StandardOutput); // the legend of the calls
    }

    [Fact(Timeout = 120_000)]
    public async Task Ps_spells_out_a_process_name_and_command_line_made_of_escape_sequences()
    {
        await using var target = await RunningHostileTarget.StartAsync();

        var ps = await TuiProfCli.RunAsync("ps");

        Assert.True(ps.ExitCode == 0, ps.StandardError);
        AssertNothingRaw(ps.StandardOutput);
        var row = ps.StandardOutput.Split('\n').Single(l => l.TrimStart().StartsWith($"{target.ProcessId} ", StringComparison.Ordinal));
        Assert.Contains("dotnet^[]0;PWNED ", row); // comm: the link's name cut to 15 bytes
        Assert.EndsWith($"{RunningHostileTarget.Assembly} {HostileText.Shown}", row); // the command line's last argument
    }

    [Fact(Timeout = 120_000)]
    public async Task Heap_text_spells_out_a_type_name_made_of_escape_sequences()
    {
        await using var target = await RunningHostileTarget.StartAsync();

        var heap = await TuiProfCli.RunAsync("heap", "--pid", $"{target.ProcessId}", "--top", "5");

        Assert.True(heap.ExitCode == 0, heap.StandardError);
        AssertNothingRaw(heap.StandardOutput + heap.StandardError);
        Assert.Contains($"Leak{HostileText.Shown}", heap.StandardOutput);
        Assert.Contains($"what keeps Leak{HostileText.Shown} alive", heap.StandardOutput);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_target_that_dies_with_escape_sequences_on_stderr_gets_its_last_line_in_the_error_spelled_out()
    {
        var result = await TuiProfCli.RunAsync("record", "-o", TuiProfCli.TempFile("dead.jsonl"), "--",
            "sh", "-c", $"echo '{HostileText.Text}{HostileText.End}' >&2; exit 3");

        Assert.Equal(1, result.ExitCode);
        AssertNothingRaw(result.StandardError);
        Assert.EndsWith($"exited with code 3 before its .NET runtime answered: {HostileText.Shown}{HostileText.End}\n", result.StandardError);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
    }

    [Theory(Timeout = 60_000)]
    [InlineData]
    [InlineData("run", "baseline")]
    [InlineData("attach", "1")]
    public async Task The_live_screen_without_a_terminal_says_so_in_one_line_exit_2_at_once_and_writes_nothing_to_stdout(
        params string[] arguments)
    {
        var stdout = TuiProfCli.TempFile("stdout");
        var clock = Stopwatch.StartNew();

        // stdin from /dev/null and stdout to a file, as a cron job or a script would run it.
        var result = await RunningProcess.RunAsync(Cli.Wrap("sh")
            .WithArguments(["-c", "out=$1; shift; exec \"$@\" </dev/null >\"$out\"", "sh", stdout, DotNetHost.Path,
                typeof(TuiProf.Commands.RecordCommand).Assembly.Location, .. arguments])
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(30));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("tuiprof: needs a terminal on stdin and stdout; for headless use 'tuiprof record' (see 'tuiprof --help')\n",
            result.StandardError);
        Assert.Equal(0, new FileInfo(stdout).Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}"); // the .NET start-up, not a wait
    }

    /// <summary>No control character (but line ends), C1 control, format character or separator in the text.</summary>
    private static void AssertNothingRaw(string text)
    {
        var raw = text.Select((c, i) => (c, i)).Where(x => x.c != '\n' && CharUnicodeInfo.GetUnicodeCategory(x.c) is
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator).ToList();
        Assert.True(raw.Count == 0,
            $"{raw.Count} raw control characters, the first U+{(raw.Count > 0 ? (int)raw[0].c : 0):X4} in:\n{text}");
    }
}
