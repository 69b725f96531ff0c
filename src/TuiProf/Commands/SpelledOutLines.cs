using System.Text;
using TuiProf.Core.Text;

namespace TuiProf.Commands;

/// <summary>
/// A writer that passes text on a line at a time, each line spelled out by <see cref="SafeText"/>: for an export
/// printed on a terminal, where the exact text a target gave (a counter's name, a span's) would drive the terminal.
/// Line ends are kept; redirected to a file or a pipe, an export keeps its exact text and does not come here.
/// </summary>
public sealed class SpelledOutLines(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value != '\n')
        {
            _line.Append(value);
            return;
        }
        var crlf = _line.Length > 0 && _line[^1] == '\r';
        inner.Write(SafeText.Of(_line.ToString(0, _line.Length - (crlf ? 1 : 0))));
        inner.Write(crlf ? "\r\n" : "\n");
        _line.Clear();
    }

    public override void Flush()
    {
        inner.Write(SafeText.Of(_line.ToString()));
        _line.Clear();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
