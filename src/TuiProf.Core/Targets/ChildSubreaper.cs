using System.Runtime.InteropServices;

namespace TuiProf.Core.Targets;

/// <summary>
/// Makes TuiProf the child subreaper of what it launches (<c>prctl(PR_SET_CHILD_SUBREAPER)</c>): a process whose
/// parent exits (<c>sh -c 'app &amp;'</c>) is re-parented to TuiProf instead of init, so it still descends from
/// TuiProf when its runtime starts and is claimed as the launch's (<see cref="LaunchMark"/>).
/// </summary>
internal static partial class ChildSubreaper
{
    private const int SetChildSubreaper = 36; // PR_SET_CHILD_SUBREAPER, linux/prctl.h

    public static void Become()
    {
        if (Prctl(SetChildSubreaper, 1, 0, 0, 0) != 0)
            throw new ProfilerException($"cannot become the subreaper of the launch (prctl: errno {Marshal.GetLastPInvokeError()})");
    }

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}
