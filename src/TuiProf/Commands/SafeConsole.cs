using Microsoft.Win32.SafeHandles;
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

    /// <summary>
    /// The progress line wiped, for the closing line or an error to take its place: written over, a shorter line
    /// left the end of the longer one after it.
    /// </summary>
    public static void ClearProgress() => ToStandardError("\r\e[K");

    /// <summary>
    /// Cursor keys and keypad back to normal mode on a terminal: .NET's console turns on application mode (terminfo's
    /// keypad_xmit) the first time it is used on a terminal and never turns it off, after which a shell's Up arrow
    /// sends <c>^[OA</c> and a numeric keypad (PuTTY's) sends letters. Every command ends with this, written where
    /// .NET writes keypad_xmit: to stdout if it is a terminal, else to stdin if that is one (<c>tuiprof ... &gt; file</c>).
    /// </summary>
    public static void RestoreKeys()
    {
        var terminal = !Console.IsOutputRedirected ? 1 : !Console.IsInputRedirected ? 0 : -1;
        if (terminal < 0) return;
        try
        {
            Console.Out.Flush();
            using var stream = new FileStream(new SafeFileHandle(terminal, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            stream.Write(NormalKeys);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException) { } // a terminal gone
    }

    private static ReadOnlySpan<byte> NormalKeys => "\e[?1l\e>"u8;

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
