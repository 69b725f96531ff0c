using System.Diagnostics;
using System.Runtime.InteropServices;
using TuiProf.Core.Targets;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>
/// Where a command writes, a file or stdout, through one path for write errors: a full disk, /dev/full or EIO becomes
/// one line that names the place and the reason (exit 1), not a stack trace. A file is cut back to where the failed
/// write began, so it ends on the last whole write, and nothing more reaches it after a failure. A file removed while
/// it is written is a failure too: Linux takes the writes without error, into a file no one can open any more.
/// </summary>
public sealed class GuardedOutput(Stream inner, string name) : Stream
{
    private static readonly TimeSpan RemovalCheckPeriod = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _sinceRemovalCheck = Stopwatch.StartNew();
    private ProfilerException? _failure;

    /// <summary>
    /// Creates (or replaces) a file, unbuffered: each write is one whole write to the file, or fails whole. Opened as
    /// <see cref="OutputFile"/> opens any file TuiProf writes: never through another user's symlink.
    /// </summary>
    public static GuardedOutput Create(FileInfo path) => new(OutputFile.Create(path), $"'{path}'");

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failure is not null) throw _failure;
        var start = inner.CanSeek ? inner.Position : -1;
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CutBackTo(start);
            throw Failed(e);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
        if (_failure is not null) throw _failure;
        try { inner.Flush(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Failed(e); }
        if (_sinceRemovalCheck.Elapsed < RemovalCheckPeriod || inner is not FileStream file) return;
        _sinceRemovalCheck.Restart();
        // The kernel names a file that has no name left "PATH (deleted)"; a file moved away is still written.
        if (new FileInfo($"/proc/self/fd/{file.SafeFileHandle.DangerousGetHandle()}").LinkTarget?.EndsWith(" (deleted)") == true)
            throw _failure = new ProfilerException($"cannot write {name}: it was removed while being written");
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose(); // unbuffered: closing writes nothing more
        base.Dispose(disposing);
    }

    private ProfilerException Failed(Exception e) => _failure = new ProfilerException($"cannot write {name}: {Reason(e)}", e);

    // On Unix the IOException of a failed write carries the errno, whose text is the reason without the path again; a
    // closed stdout's EBADF comes wrapped in an UnauthorizedAccessException.
    private static string Reason(Exception e) =>
        (e as IOException ?? e.InnerException as IOException) is { HResult: > 0 and < 4096 } io
            ? Marshal.GetPInvokeErrorMessage(io.HResult)
            : e.Message;

    /// <summary>A write that failed part-way (the disk filled within it) leaves no torn tail behind.</summary>
    private void CutBackTo(long start)
    {
        if (start < 0) return;
        try { inner.SetLength(start); }
        catch (IOException) { /* the write's own error is the one to report */ }
    }
}
