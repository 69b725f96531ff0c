using System.Text;
using CliWrap;

namespace TuiProf.Tests.Processes;

/// <summary>
/// One output stream of a running process: its whole text, and its lines as they come (split as
/// <see cref="TextReader.ReadLine"/> splits them), so a test can await the line it expects instead of sleeping.
/// </summary>
public sealed class OutputLines
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _line = new();
    private readonly List<string> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _afterReturn;
    private bool _ended;

    public string Text { get { lock (_lines) return _text.ToString(); } }

    public IReadOnlyList<string> Lines { get { lock (_lines) return [.. _lines]; } }

    internal PipeTarget Target => PipeTarget.Create(async (stream, cancellation) =>
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var buffer = new char[4096];
        try
        {
            for (int read; (read = await reader.ReadAsync(buffer, cancellation)) > 0;)
                lock (_lines) Append(buffer.AsSpan(0, read));
        }
        finally
        {
            lock (_lines)
            {
                if (_line.Length > 0) EndLine();
                _ended = true;
                Signal();
            }
        }
    });

    /// <summary>The first line, already written or still to come, that satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan within, string what)
    {
        using var timeout = new CancellationTokenSource(within);
        for (var seen = 0; ; )
        {
            Task changed;
            lock (_lines)
            {
                for (; seen < _lines.Count; seen++)
                    if (match(_lines[seen])) return _lines[seen];
                if (_ended) throw new InvalidOperationException($"the output ended before {what}:\n{_text}");
                changed = _changed.Task;
            }
            try { await changed.WaitAsync(timeout.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"no {what} within {within.TotalSeconds} s:\n{Text}"); }
        }
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        _text.Append(chars);
        foreach (var c in chars)
        {
            if (c == '\n' && _afterReturn) { _afterReturn = false; continue; } // the \n of \r\n
            _afterReturn = c == '\r';
            if (c is '\r' or '\n') EndLine();
            else _line.Append(c);
        }
        Signal();
    }

    private void EndLine()
    {
        _lines.Add(_line.ToString());
        _line.Clear();
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
