namespace TuiProf.Tui;

/// <summary>What the user's terminal can show, from the environment (locale, NO_COLOR, TERM).</summary>
public static class TerminalCapabilities
{
    /// <summary>True when the locale says UTF-8; with LANG=C the terminal may not show braille or box lines.</summary>
    public static bool SupportsUnicode { get; } = LocaleIsUtf8(
        Environment.GetEnvironmentVariable("LC_ALL"), Environment.GetEnvironmentVariable("LC_CTYPE"),
        Environment.GetEnvironmentVariable("LANG"));

    /// <summary>Colour on stdout unless NO_COLOR is set (any value), TERM is dumb, or output is redirected.</summary>
    public static bool UseColor =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
        Environment.GetEnvironmentVariable("TERM") is not (null or "dumb") &&
        !Console.IsOutputRedirected;

    /// <summary>POSIX precedence: the first of LC_ALL, LC_CTYPE, LANG that is set decides.</summary>
    public static bool LocaleIsUtf8(params string?[] variables)
    {
        var locale = variables.FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
        return locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) ||
               locale.Contains("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
