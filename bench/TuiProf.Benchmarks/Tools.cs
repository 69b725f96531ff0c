namespace TuiProf.Benchmarks;

/// <summary>The programs measured: TuiProf's apphost built next to this one, and dotnet-counters if installed.</summary>
public static class Tools
{
    /// <summary>
    /// The tuiprof measured: <c>TUIPROF</c> (the tool as install.sh builds it, ReadyToRun: <c>./install.sh DIR</c>,
    /// then <c>TUIPROF=DIR/tuiprof</c>), else the apphost built next to this one (JIT-compiled: starts ~0.2 s slower).
    /// </summary>
    public static readonly string TuiProf = Environment.GetEnvironmentVariable("TUIPROF") is { Length: > 0 } installed
        ? installed
        : Path.Combine(AppContext.BaseDirectory, "tuiprof");

    /// <summary>This benchmark's own program, which also runs its targets (<c>target NAME</c>).</summary>
    public static readonly string Self = typeof(Tools).Assembly.Location;

    /// <summary>From <c>DOTNET_COUNTERS</c>, else the global tool's place; null when neither exists.</summary>
    public static readonly string? DotnetCounters =
        new[] { Environment.GetEnvironmentVariable("DOTNET_COUNTERS"), Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "", ".dotnet/tools/dotnet-counters") }
            .FirstOrDefault(File.Exists);
}
