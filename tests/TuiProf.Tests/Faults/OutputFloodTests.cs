using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Targets;

namespace TuiProf.Tests.Faults;

public class OutputFloodTests
{
    /// <summary>TuiProf's cap on one line of a target's output (Core's OutputLines), and what ends a cut line.</summary>
    private const int MaxLength = 16 * 1024;
    private const string CutMark = " [cut]";

    [Fact(Timeout = 90_000)]
    public async Task A_target_writing_50_MB_without_a_newline_is_recorded_cut_at_16_KB_and_its_next_lines_whole()
    {
        var file = TuiProfCli.TempFile("flood.jsonl");

        var result = await TuiProfCli.RunAsync("record", "--out", file, "--duration", "3", "--", "sh", "-c",
            $"head -c 50000000 /dev/zero | tr '\\0' a; echo; echo after; exec {DotNetHost.Path} {ScenarioCatalog.AssemblyPath} baseline");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var lines = RecordedFile.Read(file).OfType("output").Select(o => o.GetProperty("text").GetString()!).ToList();
        Assert.Equal(new string('a', MaxLength) + CutMark, lines[0]);
        Assert.Equal("after", lines[1]);
    }
}
