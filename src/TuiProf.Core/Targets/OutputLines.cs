using System.Text;
using CliWrap;

namespace TuiProf.Core.Targets;

/// <summary>
/// A launched process's stdout or stderr, a line at a time as <see cref="TextReader.ReadLine"/> splits them, each cut at
/// <see cref="MaxLength"/> characters: a target that writes hundreds of megabytes without a newline must not make
/// TuiProf hold them all (it took 1.7 GB for 300 MB). A cut line ends with <see cref="CutMark"/>.
/// </summary>
internal static class OutputLines
{
    public const int MaxLength = 16 * 1024;
    public const string CutMark = " [cut]";

    public static PipeTarget To(Action<string> line) => PipeTarget.Create(async (stream, cancellation) =>
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[4096];
        var current = new StringBuilder();
        var (cut, afterReturn) = (false, false);
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellation)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '\n' && afterReturn) afterReturn = false; // the second half of "\r\n"
                else if (c is '\n' or '\r')
                {
                    Emit();
                    afterReturn = c == '\r';
                }
                else
                {
                    afterReturn = false;
                    if (current.Length < MaxLength) current.Append(c);
                    else cut = true;
                }
            }
        }
        if (current.Length > 0 || cut) Emit();

        void Emit()
        {
            line(cut ? current.Append(CutMark).ToString() : current.ToString());
            current.Clear();
            cut = false;
        }
    });
}
