using CliWrap;
using CliWrap.Buffered;

namespace TuiProf.Tests.CommandLine;

/// <summary>Runs the real <c>tuiprof</c> program (the built assembly, through the dotnet host) as a user would.</summary>
public static class TuiProfCli
{
    private static readonly string Assembly = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;

    public static Task<BufferedCommandResult> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);

    public static async Task<BufferedCommandResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await Cli.Wrap(TuiProf.Targets.DotNetHost.Path)
            .WithArguments([Assembly, .. arguments])
            .WithEnvironmentVariables(env =>
            {
                env.Set("NO_COLOR", "1");
                foreach (var (name, value) in environment) env.Set(name, value);
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
    }

    public static string TempFile(string name) =>
        Path.Combine(Directory.CreateTempSubdirectory("tuiprof-test-").FullName, name);
}
