using TuiProf.Core.Text;

namespace TuiProf.Commands;

/// <summary>
/// The lines TuiProf's commands print for a person, on stdout (<c>ps</c>, <c>heap</c>, <c>plot</c>'s headline) or
/// stderr (every message, error and progress line): whatever of a target or a recording they hold (a process name,
/// a type name, a file name, a line the target wrote) is spelled out here by <see cref="SafeText"/>, never sent raw.
/// A line is one line: a line break inside it is spelled out too. Exports are not lines for a person and keep their text.
/// </summary>
public static class SafeConsole
{
    public static void WriteLine(string line) => StandardOutput.Writer.WriteLine(SafeText.Of(line));

    public static void Error(string line) => ToStandardError($"{SafeText.Of(line)}\n");

    /// <summary>A progress line on a terminal, written over the one before.</summary>
    public static void Progress(string line) => ToStandardError($"\r{SafeText.Of(line)}   ");

    /// <summary>Back to the start of the progress line, for the closing line to be written over it.</summary>
    public static void EndProgress() => ToStandardError("\r");

    /// <summary>The progress line wiped, for an error's one line to take its place.</summary>
    public static void ClearProgress() => ToStandardError("\r\e[K");

    /// <summary>
    /// A message that cannot be written (<c>2&gt; /dev/full</c>) is lost, not a crash: stderr was the place to say
    /// what went wrong, and the exit code still says it.
    /// </summary>
    private static void ToStandardError(string text)
    {
        try { Console.Error.Write(text); }
        catch (IOException) { }
    }
}
