using CliWrap;
using TuiProf.Targets;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Heap;

/// <summary>TuiProf.HeapTarget with a heap of a given number of objects, ready to snapshot; ended on dispose.</summary>
public sealed class RunningHeapTarget : IAsyncDisposable
{
    public static readonly string Assembly = typeof(Item).Assembly.Location;
    private readonly RunningProcess _process;

    private RunningHeapTarget(int objects, int payloadBytes) =>
        _process = RunningProcess.Start(Cli.Wrap(DotNetHost.Path).WithArguments([Assembly, objects.ToString(), payloadBytes.ToString()])
            .WithValidation(CommandResultValidation.None), TimeSpan.FromSeconds(120));

    public int ProcessId => _process.ProcessId;

    public static async Task<RunningHeapTarget> StartAsync(int objects, int payloadBytes)
    {
        var target = new RunningHeapTarget(objects, payloadBytes);
        await target._process.Output.WaitForAsync(l => l.StartsWith("ready"), TimeSpan.FromSeconds(60), "'ready'");
        return target;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
