using TuiProf.Core.Export;
using TuiProf.Core.Recording;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Export;

/// <summary>A scenario recorded once by the real <c>tuiprof record</c>, shared by the tests of a class.</summary>
public abstract class RecordedScenario(string scenario) : IAsyncLifetime
{
    public string File { get; } = TuiProfCli.TempFile($"{scenario}.jsonl");

    public RecordingFile Recording { get; private set; } = null!;

    public RecordingSeries Series => RecordingSeries.From(Recording);

    /// <summary>The scenario's own process (a scenario starts no others).</summary>
    public ProcessSeries Target => Assert.Single(Series.Processes);

    public async Task InitializeAsync()
    {
        var result = await TuiProfCli.RunAsync("record", scenario, "--out", File);
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var reader = System.IO.File.OpenText(File);
        Recording = JsonLinesReader.Read(reader);
    }

    /// <summary>The recording exported by the real <c>tuiprof export</c>; returns the file written.</summary>
    public async Task<string> ExportAsync(string format, string extension)
    {
        var output = Path.ChangeExtension(File, extension);
        var result = await TuiProfCli.RunAsync("export", File, "--format", format, "--out", output);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return output;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class ManualCollectRecording() : RecordedScenario("manual-collect");
public sealed class LeakRecording() : RecordedScenario("leak");
