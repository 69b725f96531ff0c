using TuiProf.Tests.Faults;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.CommandLine;

/// <summary>
/// The real <c>tuiprof</c> started and left running, to signal it: its stderr is watched line by line, so a test
/// can await the moment it says it waits. Killed on dispose if still running.
/// </summary>
public sealed class RunningTuiProf(params string[] arguments) : IAsyncDisposable
{
    private readonly RunningProcess _process =
        RunningProcess.Start(TuiProfCli.Command(new Dictionary<string, string>(), arguments), TimeSpan.FromSeconds(90));

    public int ProcessId => _process.ProcessId;

    public string StandardOutput => _process.Output.Text;

    public IReadOnlyList<string> StandardError => _process.Error.Lines;

    /// <summary>Waits until tuiprof writes a line to stderr that contains <paramref name="text"/>.</summary>
    public Task WaitForErrorLineAsync(string text, TimeSpan limit) =>
        _process.Error.WaitForAsync(l => l.Contains(text), limit, $"tuiprof's saying '{text}'");

    /// <summary>Sends <paramref name="signal"/> and waits for the exit; returns the exit code and how long it took.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> StopWithAsync(string signal, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Signals.SendAsync(ProcessId, signal);
        var result = await _process.Exited.WaitAsync(limit);
        return (result.ExitCode, clock.Elapsed);
    }

    public Task<ProcessOutcome> Ended => _process.Exited;

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
