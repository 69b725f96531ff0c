namespace TuiProf.Core.Targets;

/// <summary>
/// A program to launch and profile. Arguments are passed as a list, never through a shell; <paramref name="Environment"/>
/// is set on top of the profiler's own.
/// </summary>
public sealed record TargetCommand(string FileName, IReadOnlyList<string> Arguments, string DisplayName,
    IReadOnlyDictionary<string, string>? Environment = null)
{
    public override string ToString() => DisplayName;
}
