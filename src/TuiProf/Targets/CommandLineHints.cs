using System.CommandLine;
using System.Text.RegularExpressions;

namespace TuiProf.Targets;

/// <summary>What the parser's bare errors leave a person to guess: the word they meant, what a PID is, where an option went.</summary>
public static partial class CommandLineHints
{
    public static string Explain(string error, RootCommand root)
    {
        if (NotANumber().Match(error) is { Success: true } number)
            return number.Groups["what"].Value is "pid" or "--pid" or "attach"
                ? $"'{number.Groups["token"].Value}' is not a PID: a process id is a positive number, as 'tuiprof ps' lists them"
                : $"'{number.Groups["token"].Value}' is not a number, as {number.Groups["what"].Value} needs";
        if (Unrecognized().Match(error) is { Success: true } word)
            return error.TrimEnd('.') + DidYouMean.Hint(word.Groups["token"].Value, root.Subcommands.Select(c => c.Name));
        return error;
    }

    /// <summary>"'X' came after '--' ..." when the command given to profile holds one of TuiProf's own options, else null.</summary>
    public static string? OursAfterDashDash(RootCommand root, IReadOnlyList<string> trailing)
    {
        var ours = root.Subcommands.Prepend(root).SelectMany(c => c.Options)
            .SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--")).ToHashSet();
        var found = trailing.Select(t => t.Split('=')[0]).FirstOrDefault(ours.Contains);
        return found is null ? null : $"'{found}' came after '--', so it went to the program, not to tuiprof (put tuiprof's options before '--')";
    }

    [GeneratedRegex(@"Cannot parse argument '(?<token>[^']*)' for (command|option|argument) '(?<what>[^']*)' as expected type '[^']*(Int32|Int64|Double)")]
    private static partial Regex NotANumber();

    [GeneratedRegex(@"Unrecognized command or argument '(?<token>[^']*)'")]
    private static partial Regex Unrecognized();
}
