namespace TuiProf.Core.Fleet;

/// <summary>
/// The metrics serve (and record, over OTLP) gives of each process, named after OpenTelemetry's semantic conventions for .NET
/// runtime metrics (meter System.Runtime) where one exists; what no convention covers (the GC heap now, GCs by
/// reason, pause and bracket histograms, time in GC) is named in the same style under <c>tuiprof.</c>.
/// </summary>
public static class ServedMetrics
{
    public const string Generation = "dotnet.gc.heap.generation";
    public const string Reason = "tuiprof.gc.reason";
    public const string BracketName = "tuiprof.bracket.name";

    public static IReadOnlyList<MetricFamily> All { get; } =
    [
        new("dotnet.process.memory.working_set", "By", MetricKind.Gauge, "The process's RSS, read from /proc",
            p => Value(p.WorkingSet)),
        new("tuiprof.gc.heap.size", "By", MetricKind.Gauge, "The GC heap now (GC.GetTotalMemory, dotnet-counters' GC Heap Size)",
            p => Value(p.Heap)),
        new("dotnet.gc.last_collection.heap.size", "By", MetricKind.Gauge, "Each generation's size after the last GC",
            p => p.LastCollection is { } g
                ? [Point(g.Gen0, (Generation, "gen0")), Point(g.Gen1, (Generation, "gen1")), Point(g.Gen2, (Generation, "gen2")),
                   Point(g.Loh, (Generation, "loh")), Point(g.Poh, (Generation, "poh"))]
                : []),
        new("dotnet.gc.collections", "{collection}", MetricKind.Counter, "GCs by the generation they collected, since the watch reached the process",
            p => p.Collections.GroupBy(c => c.Key.Generation).OrderBy(g => g.Key)
                .Select(g => Point(g.Sum(c => c.Value), (Generation, GenerationName(g.Key))))),
        new("tuiprof.gc.collections", "{collection}", MetricKind.Counter, "GCs by generation and reason, since the watch reached the process",
            p => p.Collections.OrderBy(c => c.Key.Generation).ThenBy(c => c.Key.Reason, StringComparer.Ordinal)
                .Select(c => Point(c.Value, (Generation, GenerationName(c.Key.Generation)), (Reason, c.Key.Reason)))),
        new("dotnet.gc.pause.time", "s", MetricKind.Counter, "Time the process was paused by GCs, since the watch reached it",
            p => [Point(p.Pauses.Sum)]),
        new("tuiprof.gc.pause.duration", "s", MetricKind.Histogram, "Each GC's pause",
            p => [new MetricPoint([], p.Pauses.Sum, p.Pauses)]),
        new("tuiprof.gc.time_in_gc", "%", MetricKind.Gauge, "The runtime's time-in-gc counter: the share of time in GC since the previous GC",
            p => Value(p.TimeInGcPercent)),
        new("dotnet.gc.heap.total_allocated", "By", MetricKind.Counter, "Bytes allocated since the watch reached the process (the runtime's alloc-rate summed)",
            p => [Point(p.Allocated)]),
        new("tuiprof.bracket.duration", "s", MetricKind.Histogram, "Each call of a bracket (an Activity) by name; its count is the number of calls",
            p => p.Brackets.OrderBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => new MetricPoint([new(BracketName, b.Key)], b.Value.Durations.Sum, b.Value.Durations))),
        new("tuiprof.bracket.allocated", "By", MetricKind.Counter, "Bytes a bracket's calls allocated (with --allocations: sampled)",
            p => p.Brackets.Where(b => b.Value.Allocated is not null).OrderBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => Point(b.Value.Allocated!.Value, (BracketName, b.Key)))),
    ];

    /// <summary>
    /// What tells one process's series from another's: its PID (none behind a diagnostic port), its name, the host,
    /// and its command line only when asked (it may hold secrets). Never its environment.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> ProcessAttributes(int? pid, string name, string commandLine, string host, bool withCommandLine)
    {
        if (pid is { } id) yield return ("pid", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("process", name);
        yield return ("host", host);
        if (withCommandLine) yield return ("command_line", commandLine);
    }

    /// <summary>The semantic conventions' value of <see cref="Generation"/>.</summary>
    public static string GenerationName(int generation) => generation switch { 0 => "gen0", 1 => "gen1", _ => "gen2" };

    private static IEnumerable<MetricPoint> Value(double? value) => value is { } v ? [Point(v)] : [];

    private static MetricPoint Point(double value, params (string Key, string Value)[] attributes) =>
        new(attributes.Select(a => new KeyValuePair<string, string>(a.Key, a.Value)).ToList(), value);
}

public enum MetricKind { Gauge, Counter, Histogram }

/// <summary>One metric: its OpenTelemetry name, unit and kind, and how its points are read from a process's metrics.</summary>
public sealed record MetricFamily(string Name, string Unit, MetricKind Kind, string Description,
    Func<ProcessMetricsSnapshot, IEnumerable<MetricPoint>> Points);

/// <summary>One series of a process: its attributes beyond the process's own, and its value (a histogram's sum).</summary>
public sealed record MetricPoint(IReadOnlyList<KeyValuePair<string, string>> Attributes, double Value, BucketSnapshot? Buckets = null);
