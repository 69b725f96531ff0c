using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Export;

public class ExportCommandTests
{
    [Theory]
    [InlineData("mprof")]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("chrome")]
    public async Task Exporting_an_empty_recording_says_so_in_one_line_and_writes_nothing(string format)
    {
        var file = TuiProfCli.TempFile("empty.jsonl");
        await File.WriteAllTextAsync(file, "");
        var output = Path.ChangeExtension(file, ".out");

        var result = await TuiProfCli.RunAsync("export", file, "--format", format, "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("empty.jsonl holds no events to export", result.StandardError.Trim());
        Assert.False(File.Exists(output));
    }
}
