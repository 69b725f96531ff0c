using System.Collections.Concurrent;
using System.Text;
using CliWrap;
using TuiProf.Tests.Faults;

namespace TuiProf.Tests.CommandLine;

/// <summary>
/// The real <c>tuiprof</c> started and left running, to signal it: its stderr is watched line by line, so a test
/// can await the moment it says it waits. Killed on dispose if still running.
/// </summary>
public sealed class RunningTuiProf : IAsyncDisposable
{
    private static readonly string Assembly = typeof(TuiProf.Commands.RecordCommand).Assembly.Location;
    private readonly CancellationTokenSource _kill = new(TimeSpan.FromSeconds(90));
    private readonly StringBuilder _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly SemaphoreSlim _newLine = new(0);
    private readonly CommandTask<CommandResult> _process;

    public RunningTuiProf(params string[] arguments) =>
        _process = Cli.Wrap(TuiProf.Targets.DotNetHost.Path).WithArguments([Assembly, .. arguments])
            .WithEnvironmentVariables(env => env.Set("NO_COLOR", "1"))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(_stdout))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                _stderr.Enqueue(line);
                _newLine.Release();
            }))
            .WithValidation(CommandResultValidation.None).ExecuteAsync(_kill.Token);

    public int ProcessId => _process.ProcessId;

    public string StandardOutput => _stdout.ToString();

    public IReadOnlyList<string> StandardError => [.. _stderr];

    /// <summary>Waits until tuiprof writes a line to stderr that contains <paramref name="text"/>.</summary>
    public async Task WaitForErrorLineAsync(string text, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!_stderr.Any(l => l.Contains(text)))
        {
            if (_process.Task.IsCompleted) throw new InvalidOperationException($"tuiprof ended before it said '{text}': {string.Join('\n', _stderr)}");
            try { await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"tuiprof did not say '{text}' within {limit}: {string.Join('\n', _stderr)}"); }
        }
    }

    /// <summary>Sends <paramref name="signal"/> and waits for the exit; returns the exit code and how long it took.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> StopWithAsync(string signal, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Signals.SendAsync(ProcessId, signal);
        var result = await _process.Task.WaitAsync(limit);
        return (result.ExitCode, clock.Elapsed);
    }

    public Task<CommandResult> Ended => _process.Task;

    public async ValueTask DisposeAsync()
    {
        await _kill.CancelAsync();
        await _process.Task.ContinueWith(_ => { });
        _kill.Dispose();
    }
}
