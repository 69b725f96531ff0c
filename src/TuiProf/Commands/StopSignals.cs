using System.Runtime.InteropServices;

namespace TuiProf.Commands;

/// <summary>
/// The one place where SIGINT, SIGTERM, SIGHUP and SIGQUIT become a stop: <see cref="Token"/> is every command's
/// cancellation token, and a command that sees it keeps what it has, ends what it launched and returns. One that has
/// not returned <see cref="Grace"/> after the first signal (a second signal does not wait) is ended with
/// 128 + the signal's number, as a shell reports a process killed by it; what it launched goes with its watchdog.
/// </summary>
public sealed class StopSignals : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations;
    private int _received;

    private StopSignals() =>
        _registrations = OperatingSystem.IsWindows()
            ? []
            : [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
                .Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];

    public static StopSignals Register() => new();

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Received => _received == 0 ? null : (PosixSignal)_received;

    /// <summary>"SIGINT", "SIGTERM"...: what the user sent, for the line that says why a command ended early.</summary>
    public string? ReceivedName => Received is { } signal ? signal.ToString() : null;

    /// <summary>128 + the signal's number, as a shell reports a process ended by it.</summary>
    public int ExitCode => 128 + Received switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        _ => 15,
    };

    public void Dispose() => _registrations.ForEach(r => r.Dispose());

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // not the runtime's default (an abrupt exit): the command ends itself
        var first = Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) == 0;
        if (!first) Environment.Exit(ExitCode); // asked twice: no more waiting
        _stop.Cancel();
        _ = Task.Run(async () =>
        {
            await Task.Delay(Grace);
            // Said if it can be: a terminal that has gone away (SSH dropped) fails or blocks the write.
            var said = Task.Run(() => SafeConsole.Error($"tuiprof: did not stop within {Grace.TotalSeconds:0} s of {ReceivedName}; exiting"));
            await Task.WhenAny(said, Task.Delay(100));
            Environment.Exit(ExitCode);
        });
    }
}
