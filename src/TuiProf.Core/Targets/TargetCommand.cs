namespace TuiProf.Core.Targets;

/// <summary>A program to launch and profile. Arguments are passed as a list, never through a shell.</summary>
public sealed record TargetCommand(string FileName, IReadOnlyList<string> Arguments, string DisplayName)
{
    public override string ToString() => DisplayName;
}
