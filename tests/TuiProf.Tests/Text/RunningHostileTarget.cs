using CliWrap;
using TuiProf.HostileTarget;
using TuiProf.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Text;

/// <summary>
/// TuiProf.HostileTarget run through <see cref="Host"/>, so that its process name and command line are hostile too;
/// ended on dispose (or after 120 s).
/// </summary>
public sealed class RunningHostileTarget : IAsyncDisposable
{
    public static readonly string Assembly = typeof(HostileText).Assembly.Location;

    /// <summary>
    /// The dotnet host under a file name with <see cref="HostileText.Text"/> in it (a symbolic link): the process's
    /// <c>comm</c> and the first word of its command line. Made once per test run.
    /// </summary>
    public static string Host => LazyHost.Value;

    private static readonly Lazy<string> LazyHost = new(() =>
    {
        var link = Path.Combine(TestTemp.Directory("tuiprof-hostile-"), "dotnet" + HostileText.Text);
        File.CreateSymbolicLink(link, DotNetHost.Path);
        return link;
    });

    private readonly RunningProcess _process = RunningProcess.Start(
        Cli.Wrap(Host).WithArguments([Assembly, HostileText.Text]).WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(120));

    public int ProcessId => _process.ProcessId;

    /// <summary>Started, its hostile type on its heap and its runtime's diagnostics socket published.</summary>
    public static async Task<RunningHostileTarget> StartAsync()
    {
        var target = new RunningHostileTarget();
        await target._process.Output.WaitForAsync(l => l.StartsWith("ready", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "'ready'");
        return target;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
