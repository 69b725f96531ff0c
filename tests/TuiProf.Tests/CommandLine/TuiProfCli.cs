using CliWrap;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.CommandLine;

/// <summary>Runs the real <c>tuiprof</c> program (the built assembly, through the dotnet host) as a user would.</summary>
public static class TuiProfCli
{
    public static readonly string Assembly = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;

    public static Task<ProcessOutcome> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);

    public static Task<ProcessOutcome> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunningProcess.RunAsync(Command(environment, arguments), TimeSpan.FromSeconds(90));

    /// <summary>tuiprof with <paramref name="arguments"/>, uncoloured, in this environment plus <paramref name="environment"/>.</summary>
    public static Command Command(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Cli.Wrap(TuiProf.Targets.DotNetHost.Path)
            .WithArguments([Assembly, .. arguments])
            .WithEnvironmentVariables(env =>
            {
                env.Set("NO_COLOR", "1");
                foreach (var (name, value) in environment) env.Set(name, value);
            })
            .WithValidation(CommandResultValidation.None);

    public static string TempFile(string name) => TestTemp.File(name);
}
