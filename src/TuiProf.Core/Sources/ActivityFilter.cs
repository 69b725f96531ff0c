namespace TuiProf.Core.Sources;

/// <summary>
/// Which ActivitySources become brackets: the names given (a trailing <c>*</c> is a prefix), or, by default, every
/// source but .NET's <c>Experimental.*</c> ones, which a single build fills with 160 000 socket-connect spans.
/// </summary>
public sealed record ActivityFilter(IReadOnlyList<string> Names)
{
    public static readonly ActivityFilter Default = new([]);
    private const string Experimental = "Experimental.";

    /// <summary>The DiagnosticSource rules: one wildcard for everything, or one rule per exact name.</summary>
    public IEnumerable<string> SourceRules =>
        Names.Count == 0 || Names.Any(n => n.EndsWith('*')) ? ["*"] : Names;

    public bool Accepts(string source) => Names.Count == 0
        ? !source.StartsWith(Experimental, StringComparison.Ordinal)
        : Names.Any(n => n.EndsWith('*') ? source.StartsWith(n[..^1], StringComparison.Ordinal) : source == n);
}
