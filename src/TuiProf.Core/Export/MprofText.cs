using System.Text;

namespace TuiProf.Core.Export;

/// <summary>
/// Text made safe for mprof, which has no escapes of its own: it splits a FUNC line on spaces (a name with a space
/// shifts every number after it: "could not convert string to float"), reads a file line by line, and hands names
/// and the command line to matplotlib, which typesets the text between two '$' as a formula.
/// </summary>
public static class MprofText
{
    /// <summary>A FUNC name: whitespace becomes '_', '$' is escaped for matplotlib; an empty name becomes '?'.</summary>
    public static string FunctionName(string name) => name.Length == 0 ? "?" : Escape(name, whitespace: '_');

    /// <summary>The CMDLINE text (the plot's title): one line, '$' escaped.</summary>
    public static string CommandLine(string text) => Escape(text, whitespace: ' ');

    private static string Escape(string text, char whitespace)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) escaped.Append(whitespace);
            else if (c == '$') escaped.Append("\\$");
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
