using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Targets;

namespace TuiProf.Tests.Tui;

/// <summary><c>tuiprof view FILE</c>: the live screen on a recording, followed while another process writes it.</summary>
public sealed class ViewScreenTests : TargetTest
{
    [Fact(Timeout = 90_000)]
    public async Task View_follows_a_recording_that_another_tuiprof_writes_and_says_so_when_that_recorder_is_killed()
    {
        var file = OutFile("viewed.jsonl");
        using var kill = new CancellationTokenSource();
        var recorder = DotNetCommands.TuiProf(Tree, "record", "--out", file, "--", DotNetHost.Path, ScenarioCatalog.AssemblyPath, "leak", "--loop")
            .ExecuteAsync(kill.Token); // cancelled: SIGKILL, as a dropped session's kill -9 would
        while (!File.Exists(file) || !File.ReadAllText(file).Contains("\"bracket\"")) await Task.Delay(50);

        await using var tui = await TmuxScreen.StartAsync(80, 24, [], ["view", file]);
        await tui.WaitForAsync(s => s.Contains("following viewed.jsonl") && s.Contains("HandleRequest"), "the recording followed, its calls drawn");
        await kill.CancelAsync();
        await recorder.Task.ContinueWith(_ => { }, TaskScheduler.Default);

        await tui.WaitForAsync(s => s.Contains("the recording stopped"), "that nothing writes the recording any more");
        AssertNone("left running by the killed recorder", await Tree.LeftAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("/nonexistent/recording.jsonl", "tuiprof: cannot read '/nonexistent/recording.jsonl': ")]
    [InlineData("NOT-A-RECORDING", "' is not a TuiProf recording (its first line is not a 'start' line)")]
    public async Task View_of_what_is_not_a_recording_gives_one_line_and_exit_code_2(string path, string message)
    {
        if (path == "NOT-A-RECORDING")
        {
            path = OutFile("not-a-recording.txt");
            File.WriteAllText(path, "hello\n");
        }

        var result = await TuiProfCli.RunAsync("view", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
