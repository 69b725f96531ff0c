namespace TuiProf.Benchmarks;

/// <summary>The programs measured: TuiProf's apphost built next to this one, and dotnet-counters if installed.</summary>
public static class Tools
{
    /// <summary>The apphost, as the installed tool runs it (through the dotnet muxer start-up is ~1 s slower).</summary>
    public static readonly string TuiProf = Path.Combine(AppContext.BaseDirectory, "tuiprof");

    /// <summary>From <c>DOTNET_COUNTERS</c>, else the global tool's place; null when neither exists.</summary>
    public static readonly string? DotnetCounters =
        new[] { Environment.GetEnvironmentVariable("DOTNET_COUNTERS"), Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "", ".dotnet/tools/dotnet-counters") }
            .FirstOrDefault(File.Exists);
}
