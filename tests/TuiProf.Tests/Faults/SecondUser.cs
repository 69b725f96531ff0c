using CliWrap;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Faults;

/// <summary>A second Unix user, created by the test (as root) if it does not exist, to act as another user of the host.</summary>
public sealed record SecondUser(string Name, int Uid, int Gid)
{
    public static async Task<SecondUser> CreateAsync(string name)
    {
        await RunningProcess.RunAsync(Cli.Wrap("useradd").WithArguments(["-M", "-s", "/usr/sbin/nologin", name])
            .WithValidation(CommandResultValidation.None), Limit); // exit 9: exists already
        return new SecondUser(name, await IdAsync("-u", name), await IdAsync("-g", name));
    }

    /// <summary>A command that runs as this user: setpriv changes its ids and execs it, so its PID is the command's own.</summary>
    public Command Run(params string[] command) =>
        Cli.Wrap("setpriv").WithArguments(Arguments(command)).WithValidation(CommandResultValidation.None);

    /// <summary>The arguments of <c>setpriv</c> that run <paramref name="command"/> as this user.</summary>
    public string[] Arguments(params string[] command) => [$"--reuid={Uid}", $"--regid={Gid}", "--clear-groups", "--", .. command];

    private static async Task<int> IdAsync(string option, string name) =>
        int.Parse((await RunningProcess.RunAsync(Cli.Wrap("id").WithArguments([option, name]), Limit)).StandardOutput.Trim());

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
}
