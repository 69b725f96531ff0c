using System.Globalization;
using System.Text;

namespace TuiProf.Core.Text;

/// <summary>
/// Text from a target or a recording (a span or source name, a process name or command line, a line of output, a
/// type name), made safe to show on a terminal: what could drive the terminal (ESC, BEL, any C0 or C1 control, DEL)
/// or hide or reorder what is shown (bidi overrides and isolates, zero-width and other format characters, line and
/// paragraph separators, a lone surrogate) is spelled out in visible ASCII instead. One spelling throughout:
/// <list type="bullet">
/// <item>C0 controls and DEL in caret notation, as <c>cat -v</c> and <c>less</c> show them: ESC <c>^[</c>, BEL <c>^G</c>,
/// NUL <c>^@</c>, LF <c>^J</c>, CR <c>^M</c>, DEL <c>^?</c>;</item>
/// <item>a tab, one space;</item>
/// <item>every other one as its code point, <c>\u</c> and four lower-case hex digits (C1 CSI <c>\u009b</c>, RLO
/// <c>\u202e</c>, a lone surrogate <c>\ud800</c>), or <c>\U</c> and eight beyond the BMP (<c>\U000e0001</c>).</item>
/// </list>
/// Printable text, non-ASCII included, is kept as it is. Safe text is returned as it is, the same instance, so this is
/// cheap on every frame; and spelling out safe text changes nothing. Exports keep the exact text: this is for terminals.
/// </summary>
public static class SafeText
{
    /// <summary>The text as a terminal may be given it: itself when nothing in it needs spelling out.</summary>
    public static string Of(string text)
    {
        var first = FirstUnsafe(text);
        if (first < 0) return text;
        var safe = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length;)
        {
            var whole = Decode(text, i, out var rune, out var length);
            if (!whole) AppendCodePoint(safe, text[i]); // a lone surrogate
            else if (IsShown(rune)) safe.Append(text, i, length);
            else if (rune.Value == '\t') safe.Append(' ');
            else if (rune.Value < 0x20) safe.Append('^').Append((char)(rune.Value + 0x40));
            else if (rune.Value == 0x7f) safe.Append("^?");
            else AppendCodePoint(safe, rune.Value);
            i += length;
        }
        return safe.ToString();
    }

    /// <summary>
    /// Whether a single character may stand in a cell as it is. Surrogates may: a pair is shown as one character, and
    /// a lone half of one never reaches a cell through <see cref="Of"/>.
    /// </summary>
    public static bool IsShown(char c) => c is >= ' ' and < '\x7f' || char.IsSurrogate(c) || IsShown(new Rune(c));

    private static bool IsShown(Rune rune) => Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    /// <summary>The index of the first character to spell out, or -1; plain ASCII is passed at a glance.</summary>
    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (text[i] is >= ' ' and < '\x7f')
            {
                i++;
                continue;
            }
            if (!Decode(text, i, out var rune, out var length) || !IsShown(rune)) return i;
            i += length;
        }
        return -1;
    }

    /// <summary>The code point at <paramref name="i"/>: false for a lone surrogate, which is one character long.</summary>
    private static bool Decode(string text, int i, out Rune rune, out int length)
    {
        var whole = Rune.DecodeFromUtf16(text.AsSpan(i), out rune, out length) == System.Buffers.OperationStatus.Done;
        length = Math.Max(1, length);
        return whole;
    }

    private static void AppendCodePoint(StringBuilder text, int value) =>
        text.Append(value <= 0xffff ? $"\\u{value:x4}" : $"\\U{value:x8}");
}
