using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;
using TuiProf.Targets;
using TuiProf.Tests.Targets;

namespace TuiProf.Benchmarks;

/// <summary>
/// <c>dotnet build</c> of the tests' three-project solution alone and under <c>tuiprof record</c>, outputs removed
/// before each build so all three compile, the order rotated each round. Node reuse and the compiler server are off,
/// so no build runs on processes another one started (under tuiprof or not).
/// </summary>
public static class BuildFigures
{
    private static readonly string TuiProf = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    public static async Task<IEnumerable<Row>> MeasureAsync(int rounds = 5)
    {
        var root = Directory.CreateTempSubdirectory("tuiprof-bench-build-").FullName;
        try
        {
            TestProjectSources.WriteTo(root, path => path.StartsWith("Shapes/") || path.StartsWith("Directory."));
            string[] build = ["build", TestProjectSources.Solution(root), .. TestProjectSources.NoLeftovers];
            var recording = Path.Combine(root, "build.jsonl");
            await TimeAsync(root, build); // restore, and a first JIT of the SDK, outside the figures
            var modes = new (string Name, string[] Arguments, List<double> Seconds)[]
            {
                ("alone", build, []),
                ("under tuiprof record", [TuiProf, "record", "--out", recording, "--", "dotnet", .. build], []),
            };
            for (var i = 0; i < rounds; i++)
                for (var m = 0; m < modes.Length; m++)
                {
                    var mode = modes[(i + m) % modes.Length];
                    mode.Seconds.Add(await TimeAsync(root, mode.Arguments));
                }

            var alone = modes[0].Seconds;
            var profiled = modes[1].Seconds;
            var ratio = Stats.Median(profiled) / Stats.Median(alone);
            return
            [
                new($"dotnet build, 3 projects, alone ({rounds} rotated runs)", Spread(alone), "-", null),
                new("dotnet build, 3 projects, under tuiprof record", Spread(profiled), "-", null),
                new("dotnet build under tuiprof / alone (medians)", $"{ratio:0.00}", "< 2", ratio < 2),
            ];
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Seconds one clean build takes; a hang or a failed build ends the figure with its reason.</summary>
    private static async Task<double> TimeAsync(string root, string[] arguments)
    {
        TestProjectSources.CleanSolution(root);
        using var limit = new CancellationTokenSource(HangLimit);
        var clock = Stopwatch.StartNew();
        var result = await Cli.Wrap(DotNetHost.Path).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(env => env.Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1").Set("DOTNET_NOLOGO", "1"))
            .ExecuteBufferedAsync(limit.Token);
        if (result.ExitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', arguments)}' exited {result.ExitCode}");
        return clock.Elapsed.TotalSeconds;
    }

    private static string Spread(IReadOnlyList<double> seconds) =>
        $"median {Stats.Median(seconds):0.00} s (min {seconds.Min():0.00}, max {seconds.Max():0.00})";
}
