using CliWrap;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Export;

/// <summary>
/// The real dotnet-counters (10.0.750501, a .NET tool): .ci/run installs it into a tool path and names it in
/// TUIPROF_DOTNET_COUNTERS; otherwise it is looked for on PATH.
/// </summary>
public static class DotnetCounters
{
    private static readonly Lazy<string> Tool = new(() => InstalledTool.Locate("dotnet-counters", "TUIPROF_DOTNET_COUNTERS",
        "dotnet tool install --tool-path DIR dotnet-counters --version 10.0.750501"));

    /// <summary><c>dotnet-counters collect</c> on <paramref name="pid"/> for a few seconds, into <paramref name="output"/>.</summary>
    public static async Task CollectAsync(int pid, string format, string output, int seconds, params string[] more)
    {
        var result = await RunningProcess.RunAsync(Cli.Wrap(Tool.Value)
            .WithArguments(["collect", "-p", $"{pid}", "--format", format, "-o", output, "--duration", $"00:00:00:{seconds:00}", .. more])
            .WithEnvironmentVariables(Locale.Pinned)
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(seconds + 60));
        Assert.True(result.ExitCode == 0 && File.Exists(output),
            $"dotnet-counters collect: exit {result.ExitCode}\n{result.StandardOutput}{result.StandardError}");
    }
}

/// <summary>
/// dotnet-counters writes CSV timestamps in the current culture; both it and TuiProf run under the invariant one
/// (LANG=C), as on a server or in a container, whatever the machine running the tests is set to.
/// </summary>
public static class Locale
{
    public static readonly IReadOnlyDictionary<string, string?> Pinned =
        new Dictionary<string, string?> { ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8" };
}
