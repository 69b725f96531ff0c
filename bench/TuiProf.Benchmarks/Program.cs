using BenchmarkDotNet.Running;
using TuiProf.Benchmarks;

// Usage: TuiProf.Benchmarks [render|live|pipeline|slowdown|memory|screen|build|allocstacks|all]
//        TuiProf.Benchmarks compare [--seconds N] [--rounds R] [--only WORD]
// (and, internally, "target NAME" for the programs being profiled)
if (args is ["target", var name]) return BenchTarget.Run(name);
if (args is ["compare", .. var options]) return await CompareFigures.RunAsync(options);

var what = args.FirstOrDefault() ?? "all";
if (what is "render" or "all")
    BenchmarkRunner.Run<RenderBenchmarks>();

var figures = new (string Name, Func<Task<IEnumerable<Row>>> Measure)[]
{
    ("pipeline", PipelineFigures.LatencyAndRateAsync),
    ("slowdown", () => PipelineFigures.SlowdownAsync(Tools.DotnetCounters)),
    ("memory", () => Task.FromResult(PipelineFigures.Memory())),
    ("screen", ScreenFigures.MeasureAsync),
    ("build", () => BuildFigures.MeasureAsync()),
    ("allocstacks", () => AllocationStackFigures.MeasureAsync()),
};
// "build" takes minutes of both cores, "allocstacks" a minute of target runs: only by name or with "all".
var chosen = figures.Where(f => what == "all" || f.Name == what || (what == "live" && f.Name is not ("build" or "allocstacks"))).ToList();
if (chosen.Count > 0) Report.PrintHeader();
foreach (var (figure, measure) in chosen)
{
    // One figure failing (a busy machine, a missing tool) must not lose the others' rows.
    try { Report.Print(await measure()); }
    catch (Exception e) { Report.Print([new Row(figure, $"failed: {e.Message}", "-", false)]); }
}
return 0;
