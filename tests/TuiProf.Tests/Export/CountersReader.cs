using System.Runtime.CompilerServices;
using System.Text.Json;
using CliWrap;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Export;

/// <summary>One series as read_dotnet_counters.py summarises it.</summary>
public sealed record CounterSeries(string Type, int Count, double Min, double Max, double Sum);

/// <summary>
/// Runs read_dotnet_counters.py, a reader written for dotnet-counters' files (beside this file), on Debian's python3
/// (the one mprof runs on; the reader needs only its standard library).
/// </summary>
public static class CountersReader
{
    public static async Task<IReadOnlyDictionary<string, CounterSeries>> ReadAsync(string file)
    {
        var result = await RunningProcess.RunAsync(Cli.Wrap(RealMprof.Python).WithArguments([Script(), file])
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"the dotnet-counters reader could not read {file}:\n{result.StandardError}");
        return JsonSerializer.Deserialize<Dictionary<string, CounterSeries>>(result.StandardOutput,
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private static string Script([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "read_dotnet_counters.py");
}
