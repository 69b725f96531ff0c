using CliWrap;
using TuiProf.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Targets;

/// <summary>
/// Starts tuiprof and plain dotnet commands as the target tests need them: in an environment of their own (marked, so
/// every descendant can be found and killed; without the MSBuild variables <c>dotnet test</c> hands to this test host),
/// with a hard time limit.
/// </summary>
public static class DotNetCommands
{
    public static Command TuiProf(TreeProcesses tree, params string[] arguments) => TuiProf(tree, new Dictionary<string, string>(), arguments);

    public static Command TuiProf(TreeProcesses tree, Dictionary<string, string> environment, params string[] arguments) =>
        Dotnet(tree, [CommandLine.TuiProfCli.Assembly, .. arguments], new(environment) { ["NO_COLOR"] = "1" });

    public static Command Dotnet(TreeProcesses tree, IEnumerable<string> arguments, Dictionary<string, string>? environment = null) =>
        Marked(Cli.Wrap(DotNetHost.Path).WithArguments(arguments), tree, environment);

    /// <summary>The command in the test's environment plus <paramref name="environment"/> (CliWrap replaces, never adds to, a command's variables).</summary>
    public static Command Marked(Command command, TreeProcesses tree, Dictionary<string, string>? environment = null) =>
        command.WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(env =>
            {
                foreach (var (name, value) in environment ?? []) env.Set(name, value);
                foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()
                             .Where(n => n.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || n.StartsWith("VSTEST", StringComparison.Ordinal)))
                    env.Set(name, null);
                env.Set(TreeProcesses.Variable, tree.Marker)
                    .Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
                    .Set("DOTNET_NOLOGO", "1")
                    .Set("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1");
            });

    /// <summary>Runs to the end, or fails the test after <paramref name="limit"/>, naming what was stuck (then kills the tree).</summary>
    public static async Task<ProcessOutcome> RunAsync(Command command, TreeProcesses tree, TimeSpan limit)
    {
        await using var running = RunningProcess.Start(command, 2 * limit); // past the limit, the check below names what hung
        try
        {
            return await running.WaitForExitAsync(limit);
        }
        catch (TimeoutException)
        {
            var alive = tree.Alive().Select(TreeProcesses.Describe).ToList();
            await running.DisposeAsync();
            tree.KillAll();
            throw new TimeoutException($"'{command}' did not finish in {limit.TotalSeconds} s; its processes then:\n" + string.Join("\n", alive));
        }
    }
}
