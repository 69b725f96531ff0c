using TuiProf.Scenarios;

// Usage: TuiProf.Scenarios <name> [--loop]
if (args.Length == 0 || args[0] is "--list")
{
    foreach (var s in ScenarioCatalog.All)
        Console.WriteLine($"{s.Name}\t{s.Title}");
    return args.Length == 0 ? 2 : 0;
}

var info = ScenarioCatalog.Find(args[0]);
if (info is null)
{
    Console.Error.WriteLine($"unknown scenario '{args[0]}'; known: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))}");
    return 2;
}

var loop = args.Contains("--loop");
if (!PinnedRuntime.IsInEffect)
    Console.Error.WriteLine($"note: {PinnedRuntime.Gen0BudgetVariable} is not {PinnedRuntime.Environment[PinnedRuntime.Gen0BudgetVariable]}: " +
                            "GC counts and RSS will follow this machine's cache size, not the scenario's text");
ParentWatch.Start();
var scenario = info.Create();
do
{
    scenario.Run(Console.Out);
    if (loop)
        Thread.Sleep(TimeSpan.FromSeconds(1)); // a visible gap between repetitions on the graph
} while (loop);
return 0;
