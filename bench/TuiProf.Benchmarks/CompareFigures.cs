namespace TuiProf.Benchmarks;

/// <summary>
/// <c>compare [--seconds N] [--rounds R] [--only WORD]</c>: every figure of issue 13, TuiProf next to dotnet-counters
/// in one run, each as min/median/max of both and the ratio of medians (rows printed as each group is measured);
/// <c>--only</c> keeps the groups whose name holds WORD.
/// </summary>
public static class CompareFigures
{
    public static async Task<int> RunAsync(string[] arguments)
    {
        var span = TimeSpan.FromSeconds(Option(arguments, "--seconds", 60));
        var rounds = Option(arguments, "--rounds", 3);
        var only = Value(arguments, "--only") ?? "";
        if (Tools.DotnetCounters is not { } counters)
        {
            Console.Error.WriteLine("compare needs dotnet-counters: DOTNET_COUNTERS=PATH, or `dotnet tool install --global dotnet-counters`");
            return 2;
        }
        var groups = new (string Name, Func<Task<IReadOnlyList<SideBySide>>> Measure)[]
        {
            ("live screen, baseline", () => LiveScreenComparison.MeasureAsync(counters, "baseline", span, rounds)),
            ("live screen, churn", () => LiveScreenComparison.MeasureAsync(counters, "churn", span, rounds)),
            ("headless, baseline", () => HeadlessComparison.MeasureAsync(counters, "baseline", span, rounds)),
            ("top on 5 processes", () => TopComparison.MeasureAsync(counters, span, rounds)),
            ("serve on 10 processes", () => ServeComparison.MeasureAsync(counters, span, rounds)),
            ("GC -> on screen", () => GcToScreenComparison.MeasureAsync(counters, rounds)),
            ("launch -> first useful frame", () => LaunchComparison.MeasureAsync(counters, rounds)),
            // A run is a few seconds: three to a round, for a figure this noisy.
            ("target's own CPU", () => TargetOverheadComparison.MeasureAsync(counters, 3 * rounds)),
        };
        Report.PrintHeader();
        foreach (var (name, measure) in groups.Where(g => g.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            // One group failing (a busy machine, a screen that never came) must not lose the others' rows.
            try { Report.Print((await measure()).Select(figure => figure.ToRow())); }
            catch (Exception e) { Report.Print([new Row(name, $"failed: {e.Message}", "-", false)]); }
        }
        return 0;
    }

    private static int Option(string[] arguments, string name, int fallback) =>
        Value(arguments, name) is { } value ? int.Parse(value) : fallback;

    private static string? Value(string[] arguments, string name) =>
        Array.IndexOf(arguments, name) is var at and >= 0 && at + 1 < arguments.Length ? arguments[at + 1] : null;
}
