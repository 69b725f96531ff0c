using System.Threading.Channels;
using CliWrap;
using TuiProf.HostileTarget;
using TuiProf.Targets;

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
        var link = Path.Combine(Directory.CreateTempSubdirectory("tuiprof-hostile-").FullName, "dotnet" + HostileText.Text);
        File.CreateSymbolicLink(link, DotNetHost.Path);
        return link;
    });

    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(120));
    private readonly Channel<string> _output = Channel.CreateUnbounded<string>();
    private readonly CommandTask<CommandResult> _process;

    private RunningHostileTarget() =>
        _process = Cli.Wrap(Host).WithArguments([Assembly, HostileText.Text])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => _output.Writer.TryWrite(line)))
            .WithValidation(CommandResultValidation.None).ExecuteAsync(_stop.Token);

    public int ProcessId => _process.ProcessId;

    /// <summary>Started, its hostile type on its heap and its runtime's diagnostics socket published.</summary>
    public static async Task<RunningHostileTarget> StartAsync()
    {
        var target = new RunningHostileTarget();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await target._output.Reader.ReadAsync(timeout.Token)).StartsWith("ready", StringComparison.Ordinal)) { }
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _process.Task.ContinueWith(_ => { });
        _stop.Dispose();
    }
}
