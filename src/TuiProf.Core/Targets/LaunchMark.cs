namespace TuiProf.Core.Targets;

/// <summary>
/// The entry <c>TUIPROF_LAUNCH=&lt;random&gt;</c> in the environment of every process of one launch, and the test that
/// a process is one of them. The mark travels only in environments, which /proc shows to a process's owner and root
/// alone; and knowing it is not enough: a marked process is claimed only when it also runs as this user and descends
/// from TuiProf, so another user's process (or a program of ours started elsewhere) that copies it is left alone.
/// </summary>
internal sealed class LaunchMark
{
    public const string Variable = "TUIPROF_LAUNCH";

    public string Value { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Whether the process is this launch's. Descent is checked up to TuiProf itself, not the launched process: an
    /// orphan whose parent exited is re-parented to TuiProf (a child subreaper), not to init.
    /// </summary>
    public bool Claims(int pid) => ProcessInfo.RunsAsThisUser(pid) && IsOnDescendant(pid);

    /// <summary>
    /// Whether the process is of the launch's tree but runs as another user (<c>runuser -u svc -- dotnet app</c>): it is
    /// not claimed, since that user could stand in for its runtime, but the user is told why it is not followed.
    /// </summary>
    public bool IsOnForeignDescendant(int pid) => !ProcessInfo.RunsAsThisUser(pid) && IsOnDescendant(pid);

    private bool IsOnDescendant(int pid) =>
        ProcessInfo.HasEnvironment(pid, Variable, Value) && ProcessInfo.DescendsFrom(pid, Environment.ProcessId);
}
