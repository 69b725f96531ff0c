namespace TuiProf.Scenarios;

/// <summary>A scenario as the profiler sees it: its metadata, without running it.</summary>
public sealed record ScenarioInfo(string Name, int Order, string Title, string LookFor, string? Python, Type Type)
{
    public Scenario Create() => (Scenario)Activator.CreateInstance(Type)!;
}
