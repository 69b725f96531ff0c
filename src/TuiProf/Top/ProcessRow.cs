using TuiProf.Core.Fleet;

namespace TuiProf.Top;

/// <summary>One row of <c>tuiprof top</c>: a watched process as the list shows it.</summary>
/// <param name="Problem">Why it is not watched (not reached yet, stopped, its stream broke); null while it is.</param>
/// <param name="Open">Whether its dashboard is open (it is fully profiled, brackets and RSS at 25 Hz, until it exits).</param>
/// <param name="Summary">Its readings; null before the first.</param>
public sealed record ProcessRow(string Key, int? Pid, string Name, string CommandLine, string? Problem, bool Open, ProcessSummary? Summary)
{
    /// <summary>
    /// Its name with its arguments after the entry assembly (three <c>dotnet App.dll</c> differ by them), in
    /// <paramref name="width"/> columns: a dotted name too long for them keeps its last part (<c>Shop.Orders.Api</c>: <c>Api</c>).
    /// </summary>
    public string Shown(int width)
    {
        var whole = Arguments.Length > 0 ? $"{Name} {Arguments}" : Name;
        if (whole.Length <= width || Name.LastIndexOf('.') is var dot && dot < 0 || dot == Name.Length - 1) return whole;
        return Arguments.Length > 0 ? $"{Name[(dot + 1)..]} {Arguments}" : Name[(dot + 1)..];
    }

    private string Arguments
    {
        get
        {
            var at = CommandLine.IndexOf(Name, StringComparison.Ordinal);
            if (at < 0) return "";
            var rest = CommandLine[(at + Name.Length)..];
            var space = rest.IndexOf(' ');
            return space < 0 ? "" : rest[(space + 1)..].Trim();
        }
    }

    /// <summary>Whether the filter's text is in its PID, name or command line (any case).</summary>
    public bool Matches(string filter) =>
        filter.Length == 0 || $"{Pid} {Name} {CommandLine}".Contains(filter, StringComparison.OrdinalIgnoreCase);
}
