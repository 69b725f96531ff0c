using System.Reflection;

namespace TuiProf.Scenarios;

/// <summary>Finds scenarios by their <see cref="ScenarioAttribute"/>, so adding one is adding one file.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<ScenarioInfo> All { get; } = Discover();

    /// <summary>The assembly to launch to run a scenario: <c>TuiProf.Scenarios.dll &lt;name&gt; [--loop]</c>.</summary>
    public static string AssemblyPath => typeof(ScenarioCatalog).Assembly.Location;

    public static ScenarioInfo? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ScenarioInfo[] Discover() =>
        typeof(ScenarioCatalog).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Scenario)) && !t.IsAbstract)
            .Select(t => (Type: t, Meta: t.GetCustomAttribute<ScenarioAttribute>()))
            .Where(x => x.Meta is not null)
            .Select(x => new ScenarioInfo(x.Meta!.Name, x.Meta.Order, x.Meta.Title, x.Meta.LookFor, x.Meta.Python, x.Type))
            .OrderBy(s => s.Order)
            .ToArray();
}
