using System.Buffers.Text;
using Microsoft.Win32.SafeHandles;

namespace TuiProf.Core.Targets;

/// <summary>
/// Reads small <c>/proc</c> files into a caller's buffer. They are read many times a second (RSS 25 times, liveness
/// 5 times), and <c>File.ReadAllText</c> cost ~10 KB of buffers and strings a read: a fifth of TuiProf's own
/// allocation on the live screen.
/// </summary>
public static class ProcFile
{
    /// <summary>The file's first bytes (as many as fit), or an empty span when it cannot be read (the process is gone).</summary>
    public static ReadOnlySpan<byte> Read(string path, Span<byte> buffer)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            return Read(handle, buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    /// <summary>Reads an open <c>/proc</c> file again from its start: the kernel writes it afresh for each read at offset 0.</summary>
    public static ReadOnlySpan<byte> Read(SafeFileHandle handle, Span<byte> buffer)
    {
        try { return buffer[..RandomAccess.Read(handle, buffer, 0)]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    /// <summary>The <paramref name="index"/>th space-separated number of the text, or null.</summary>
    public static long? Number(ReadOnlySpan<byte> text, int index)
    {
        for (var i = 0; i < index; i++)
        {
            var space = text.IndexOf((byte)' ');
            if (space < 0) return null;
            text = text[(space + 1)..];
        }
        return Utf8Parser.TryParse(text, out long value, out _) ? value : null;
    }

    /// <summary>
    /// The <paramref name="index"/>th number after <paramref name="field"/> (e.g. <c>"Tgid:"</c>; <c>"Uid:"</c> has four)
    /// on a line of a status file, or null.
    /// </summary>
    public static long? Field(ReadOnlySpan<byte> status, ReadOnlySpan<byte> field, int index = 0)
    {
        for (var line = status; !line.IsEmpty;)
        {
            if (line.StartsWith(field))
            {
                var values = line[field.Length..].TrimStart("\t "u8);
                for (var skipped = 0; skipped < index; skipped++)
                {
                    var gap = values.IndexOfAny("\t \n"u8);
                    if (gap < 0 || values[gap] == '\n') return null;
                    values = values[gap..].TrimStart("\t "u8);
                }
                return Utf8Parser.TryParse(values, out long number, out _) ? number : null;
            }
            var next = line.IndexOf((byte)'\n');
            line = next < 0 ? [] : line[(next + 1)..];
        }
        return null;
    }
}
