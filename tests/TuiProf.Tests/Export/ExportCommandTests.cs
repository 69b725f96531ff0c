using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Export;

public class ExportCommandTests
{
    [Theory(Timeout = 60_000)]
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

    [Theory(Timeout = 60_000)]
    [InlineData("mprof")]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("chrome")]
    public async Task Times_no_recording_can_hold_and_calls_that_cannot_be_are_skipped_and_counted_not_a_crash_or_rows_without_end(string format)
    {
        var file = TuiProfCli.TempFile("far.jsonl");
        await File.WriteAllTextAsync(file, """
            {"type":"start","t":0,"target":"far","pid":1,"origin":"2026-01-01T00:00:00.0000000Z"}
            {"type":"sample","t":0.1,"rss":30000000,"heap":1000000}
            {"type":"sample","t":1e308,"rss":30000000}
            {"type":"bracket","name":"Work","start":-1e308,"end":1e308,"depth":0,"thread":1,"id":"a"}
            {"type":"gc","t":0.5,"n":1,"gen":0,"reason":"AllocSmall","kind":"NonConcurrentGC","durationMs":1e308,"pauseMs":1,"heapBefore":2,"heapAfter":1}
            {"type":"bracket","name":"Backwards","start":5,"end":1,"depth":0,"thread":1,"id":"b"}
            {"type":"bracket","name":"Above","start":0.2,"end":0.3,"depth":-3,"thread":1,"id":"c"}
            {"type":"sample","t":1.0,"rss":60000000,"heap":2000000}

            """);

        var result = await TuiProfCli.RunAsync("export", file, "--format", format, "--out", Path.ChangeExtension(file, ".out"));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("skipped 5 unreadable line(s) in far.jsonl", result.StandardError.Trim());
    }

    [Fact(Timeout = 60_000)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are Unix's
    public async Task A_new_export_file_is_the_owners_alone_and_an_existing_one_keeps_its_mode()
    {
        var file = TuiProfCli.TempFile("small.jsonl");
        await File.WriteAllTextAsync(file, "{\"type\":\"sample\",\"t\":0.1,\"rss\":30000000}\n");
        var (created, existing) = (Path.ChangeExtension(file, ".new"), Path.ChangeExtension(file, ".old"));
        await File.WriteAllTextAsync(existing, "");
        File.SetUnixFileMode(existing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        Assert.Equal(0, (await TuiProfCli.RunAsync("export", file, "--format", "mprof", "--out", created)).ExitCode);
        Assert.Equal(0, (await TuiProfCli.RunAsync("export", file, "--format", "mprof", "--out", existing)).ExitCode);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(created));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, File.GetUnixFileMode(existing));
    }
}
