namespace TuiProf.Scenarios;

/// <summary>Metadata that makes a class a discoverable scenario (listed, launched by name, explained in the UI).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ScenarioAttribute(string name, int order, string title) : Attribute
{
    /// <summary>The command-line name, e.g. <c>manual-collect</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Position in lists and the number key that selects it.</summary>
    public int Order { get; } = order;

    public string Title { get; } = title;

    /// <summary>One paragraph: what the graph shows for .NET and why.</summary>
    public required string LookFor { get; init; }

    /// <summary>What the Python blog post saw for its twin experiment, if it has one.</summary>
    public string? Python { get; init; }
}
