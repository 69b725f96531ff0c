using CliWrap;
using CliWrap.Buffered;

namespace TuiProf.Tests.Targets;

/// <summary>
/// A test that starts a target in its own PID and mount namespace, as a container does: needs root and a kernel that
/// allows <c>unshare</c> here (CI runs as root); elsewhere it is skipped, saying why.
/// </summary>
public sealed class UnshareFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Refusal = new(FindRefusal);

    public UnshareFactAttribute()
    {
        if (Refusal.Value is { } reason) Skip = reason;
    }

    private static string? FindRefusal()
    {
        if (Environment.UserName != "root") return "needs root, to start a target in its own PID namespace with unshare";
        try
        {
            var probe = Cli.Wrap("unshare").WithArguments(["--pid", "--fork", "--mount-proc", "--kill-child", "true"])
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync().GetAwaiter().GetResult();
            return probe.ExitCode == 0 ? null : $"unshare --pid --mount-proc is not permitted here: {probe.StandardError.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception) { return "unshare (util-linux) is not installed"; }
    }
}
