namespace TuiProf.Scenarios;

/// <summary>
/// What a scenario's process is launched with so that it shows what its text says on any machine. The runtime sizes
/// the gen-0 budget from the CPU's L3 cache: a 260 MiB L3 gave a 128 MB budget and 20-50 gen-0 GCs a second in
/// <c>churn</c>, where a laptop makes thousands, and RSS fell after GCs that a small budget never committed.
/// <c>GCgen0size</c> has no runtimeconfig name (<c>System.GC.Gen0Size</c> is ignored by .NET 10), so it can only be
/// pinned in the environment, by whoever launches the scenario.
/// </summary>
public static class PinnedRuntime
{
    /// <summary>The gen-0 budget's floor, in bytes (the runtime then keeps the budget between 2.5 and 6 MB).</summary>
    public const int Gen0Budget = 0x400000;

    public const string Gen0BudgetVariable = "DOTNET_GCgen0size";

    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        [Gen0BudgetVariable] = $"0x{Gen0Budget:x}",
    };

    /// <summary>Whether this process was started with the pins (a scenario run by hand may not be).</summary>
    public static bool IsInEffect =>
        Environment.All(pin => System.Environment.GetEnvironmentVariable(pin.Key) == pin.Value);
}
