using System.Collections.Concurrent;
using CliWrap;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Pipeline;

/// <summary>
/// A scenario recorded as the TUI runs it, in loop mode, by the real <c>tuiprof record --loop</c> on a given
/// <see cref="Machine"/>. Each recording is made once and shared by the tests that check its claims.
/// </summary>
public static class LoopRecording
{
    private static readonly string Program = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;
    private static readonly ConcurrentDictionary<(string, Machine, double), Lazy<Task<IReadOnlyList<TimelineEvent>>>> Made = new();

    public static Task<IReadOnlyList<TimelineEvent>> RecordAsync(string scenario, Machine machine, double seconds) =>
        Made.GetOrAdd((scenario, machine, seconds), _ => new(() => MakeAsync(scenario, machine, seconds))).Value;

    private static async Task<IReadOnlyList<TimelineEvent>> MakeAsync(string scenario, Machine machine, double seconds)
    {
        var file = TuiProfCli.TempFile($"{scenario}-{machine}.jsonl");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 60));
        var result = await Cli.Wrap(TuiProf.Targets.DotNetHost.Path)
            .WithArguments([Program, "record", scenario, "--loop", "--duration", $"{seconds}", "--out", file])
            .WithEnvironmentVariables(env => { foreach (var (name, value) in MachineEnvironment.Of(machine)) env.Set(name, value); })
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(timeout.Token);
        Assert.Equal(0, result.ExitCode);
        using var reader = File.OpenText(file);
        return JsonLinesReader.Read(reader).Events;
    }
}
