using TuiProf.Core.Targets;

namespace TuiProf.Tests.Processes;

/// <summary>
/// The files a .NET runtime keeps in the temp dir while it runs (its diagnostics socket, its debugger's pipes), named
/// by its PID and start time. It deletes them when it exits, but not when it is killed or ended by a signal, as the
/// processes tests start mostly are; then they are deleted here.
/// </summary>
internal sealed class RuntimeFiles(int pid)
{
    private readonly long? _started = ProcessInfo.StartTime(pid);

    public void DeleteLeftovers()
    {
        if (_started is not { } started) return; // gone before it was seen: nothing to name
        foreach (var name in (string[])[$"{DiagnosticSocket.Prefix}{pid}-{started}-socket", $"clr-debug-pipe-{pid}-{started}-in", $"clr-debug-pipe-{pid}-{started}-out"])
        {
            try { File.Delete(Path.Combine(Path.GetTempPath(), name)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // another user's runtime: not ours to delete
        }
    }
}
