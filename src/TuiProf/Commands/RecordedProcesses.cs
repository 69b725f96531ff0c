using TuiProf.Core.Diagnostics;
using TuiProf.Core.Fleet;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Commands;

/// <summary>
/// The processes of one recording as exported over OTLP: each PID its events come from (a launched command's tree has
/// several), named once, on the session's clock; events without a PID are the target's own (a diagnostic port's).
/// </summary>
public sealed class RecordedProcesses(ProfilingSession session, string targetName)
{
    private readonly Dictionary<int, ExportedProcess> _byPid = [];
    private ExportedProcess? _target;

    public ExportedProcess Of(TimelineEvent e)
    {
        if ((e.Pid ?? (session.ProcessId > 0 ? session.ProcessId : null)) is not { } pid)
            return _target ??= new ExportedProcess(targetName, null, targetName, "", () => false, () => session.Now);
        if (!_byPid.TryGetValue(pid, out var process))
            _byPid[pid] = process = new ExportedProcess($"pid {pid}", pid, EntryName.OfProcess(pid), ProcessInfo.CommandLineOf(pid),
                () => !ProcessInfo.IsAlive(pid), () => session.Now);
        return process;
    }
}
