namespace TuiProf.Core.Timeline;

/// <summary>
/// Which counter a reading is of, as its EventSource describes it: the provider and the counter's name, the name
/// and unit it is displayed with, and whether it counts per interval (a rate, reported per second) or is a value.
/// </summary>
public sealed record CounterId(string Provider, string Name, string DisplayName = "", string Unit = "", bool IsRate = false)
{
    public const string RuntimeProvider = "System.Runtime";

    /// <summary>How the counter is named in one word: the runtime's by name, others' as "Provider/name".</summary>
    public string Key => Provider == RuntimeProvider ? Name : $"{Provider}/{Name}";

    public static CounterId Runtime(string name) => new(RuntimeProvider, name);
}
