using System.Diagnostics;
using CliWrap;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Faults;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Export;

/// <summary>
/// The test host itself, recorded once by the real <c>tuiprof record --pid</c> while its own ActivitySource runs a
/// call named as real apps name them (spaces, '$') with a nested call inside it.
/// </summary>
public static class SelfRecording
{
    public const string Outer = "Checkout order 42 ($^$)";
    public const string Inner = "Charge card";

    private static readonly Lazy<Task<string>> Recorded = new(RecordAsync);

    /// <summary>The JSON Lines file.</summary>
    public static Task<string> FileAsync() => Recorded.Value;

    private static async Task<string> RecordAsync()
    {
        using var source = new ActivitySource("TuiProf.Tests.Export.Self");
        var file = TuiProfCli.TempFile("self.jsonl");
        await using var recording = RunningProcess.Start(Cli.Wrap(TuiProf.Targets.DotNetHost.Path)
            .WithArguments([typeof(TuiProf.Commands.RecordCommand).Assembly.Location, "record", "--pid",
                $"{Environment.ProcessId}", "--out", file])
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(60));
        await WaitForListenerAsync(source);

        using (source.StartActivity(Outer))
        {
            using (source.StartActivity(Inner)) Thread.Sleep(50);
            Thread.Sleep(50);
        }
        await Signals.WaitForLineAsync(file, l => l.Contains($"\"name\":\"{Outer}\""), TimeSpan.FromSeconds(20));
        await Signals.SendAsync(recording.ProcessId, "INT"); // as Ctrl-C: the recording stops and flushes
        Assert.Equal(0, (await recording.Exited).ExitCode);
        return file;
    }

    /// <summary>Waits until the recording's ActivitySource listener reached this process (nothing to await: polled).</summary>
    private static async Task WaitForListenerAsync(ActivitySource source)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!source.HasListeners())
        {
            Assert.True(DateTime.UtcNow < deadline, "tuiprof record never started listening to this process's activities");
            await Task.Delay(20);
        }
    }
}
