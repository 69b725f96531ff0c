using BenchmarkDotNet.Running;
using TuiProf.Benchmarks;

// Usage: TuiProf.Benchmarks [render|live|all]   (and, internally, "target NAME" for the profiled programs)
if (args is ["target", var name]) return BenchTarget.Run(name);

var what = args.FirstOrDefault() ?? "all";
if (what is "render" or "all")
    BenchmarkRunner.Run<RenderBenchmarks>();
if (what is "live" or "all")
{
    var counters = new[] { Environment.GetEnvironmentVariable("DOTNET_COUNTERS"), Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "", ".dotnet/tools/dotnet-counters") }
        .FirstOrDefault(File.Exists);
    var rows = new List<Row>();
    rows.AddRange(await PipelineFigures.LatencyAndRateAsync());
    rows.AddRange(await PipelineFigures.SlowdownAsync(counters));
    rows.AddRange(PipelineFigures.Memory());
    rows.AddRange(await ScreenFigures.MeasureAsync());
    Report.Print(rows);
}
return 0;
