using System.Threading.Channels;
using CliWrap;
using TuiProf.Targets;

namespace TuiProf.Tests.Heap;

/// <summary>TuiProf.HeapTarget with a heap of a given number of objects, ready to snapshot; ended on dispose.</summary>
public sealed class RunningHeapTarget : IAsyncDisposable
{
    private static readonly string Assembly = typeof(Item).Assembly.Location;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(120));
    private readonly CommandTask<CommandResult> _process;
    private readonly Channel<string> _output = Channel.CreateUnbounded<string>();

    private RunningHeapTarget(int objects, int payloadBytes) =>
        _process = Cli.Wrap(DotNetHost.Path).WithArguments([Assembly, objects.ToString(), payloadBytes.ToString()])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => _output.Writer.TryWrite(line)))
            .WithValidation(CommandResultValidation.None).ExecuteAsync(_stop.Token);

    public int ProcessId => _process.ProcessId;

    public static async Task<RunningHeapTarget> StartAsync(int objects, int payloadBytes)
    {
        var target = new RunningHeapTarget(objects, payloadBytes);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await target._output.Reader.ReadAsync(timeout.Token)).StartsWith("ready")) { }
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _process.Task.ContinueWith(_ => { });
        _stop.Dispose();
    }
}
