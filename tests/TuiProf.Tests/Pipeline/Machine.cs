namespace TuiProf.Tests.Pipeline;

/// <summary>
/// The machine a recording is made on. The runtime sizes the gen-0 budget from the CPU's L3 cache, so what a scenario
/// shows could depend on where the tests run; <see cref="LargeCache"/> gives TuiProf (and so, unless a scenario pins
/// it, the target) the budget a 260 MiB L3 gives, so a CI machine with a small cache still checks a large one.
/// </summary>
public enum Machine
{
    AsItIs,
    LargeCache,
}

public static class MachineEnvironment
{
    /// <summary>The gen-0 budget a 260 MiB L3 gives (.NET 10 reported GCGen0MaxBudget=128 MB with this set, as the
    /// unset default did there; churn made 20-25 gen-0 GCs a second either way).</summary>
    public const string LargeCacheGen0Budget = "0x8000000";

    public static IReadOnlyDictionary<string, string> Of(Machine machine) => machine switch
    {
        Machine.LargeCache => new Dictionary<string, string> { ["DOTNET_GCgen0size"] = LargeCacheGen0Budget },
        _ => new Dictionary<string, string>(),
    };
}
