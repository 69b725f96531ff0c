using System.Diagnostics;
using Terminal.Gui.App;

namespace TuiProf.Tui;

/// <summary>
/// Paces Terminal.Gui's main loop by frames and wakes it when there is work. Terminal.Gui 2.5 sleeps after each
/// iteration in <c>Task.Delay(..).Wait()</c>: a spinning wait, the runtime's timer thread and a pool worker (which
/// spins again for more work) wake every iteration; that was a quarter of TuiProf's CPU on a live screen, and it
/// cannot be cut short when a key comes. This one turns that sleep off and blocks the loop's thread in one kernel
/// wait at the start of an iteration, until the next frame is due or <see cref="Wake"/> (a key read, an invoke,
/// a resize): one iteration a frame when nothing happens, and at once when something does.
/// </summary>
public sealed class MainLoopPacer(TimeSpan framePeriod) : IDisposable
{
    // No spinning before the kernel wait: a wake is a key or a GC, never due within microseconds.
    private readonly ManualResetEventSlim _woken = new(initialState: true, spinCount: 0);
    // The wait is in whole milliseconds: a frame a little early beats an iteration spent waking for nothing.
    private static readonly long Slack = Stopwatch.Frequency / 500;
    private readonly long _period = Ticks(framePeriod);
    private long _lastBroughtForward = long.MinValue / 2;
    private long _frameDue;
    private volatile bool _hurry;

    /// <summary>Ends the current wait, or the next one: there is input, an invoke or a new size to see to.</summary>
    public void Wake() => _woken.Set();

    /// <summary>Runs <paramref name="action"/> on the loop's thread at its next iteration, which starts now.</summary>
    public void Invoke(IApplication app, Action action)
    {
        app.Invoke(action);
        Wake();
    }

    /// <summary>
    /// Brings the next frame forward to now, once a frame period at most: a GC is on screen as it happens, and
    /// hundreds a second draw no more often than the frames would anyway.
    /// </summary>
    public void FrameSoon()
    {
        // Only the first since the last frame wakes the loop (to move its deadline): the rest would each cost an
        // iteration of Terminal.Gui that draws nothing, hundreds a second under churn.
        if (_hurry) return;
        _hurry = true;
        Wake();
    }

    /// <summary>
    /// Paces <paramref name="app"/>'s loop from now on, calling <paramref name="frame"/> on the loop's thread once a
    /// frame period (or sooner, <see cref="FrameSoon"/>), before the iteration draws.
    /// </summary>
    public void Pace(IApplication app, Action frame)
    {
        // Terminal.Gui sleeps 1000 / this (ms) less the iteration's own time: zero, so never.
        Application.MaximumIterationsPerSecond = ushort.MaxValue;
        app.Iteration += (_, _) =>
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Due());
            if (wait > TimeSpan.Zero) _woken.Wait((int)Math.Ceiling(wait.TotalMilliseconds));
            // Reset before the iteration reads its input and invokes: a wake after this point waits for none.
            _woken.Reset();
            var now = Stopwatch.GetTimestamp();
            if (now < Due() - Slack) return;
            if (_hurry) _lastBroughtForward = now;
            _hurry = false;
            _frameDue = now + _period;
            frame();
        };
    }

    private long Due() => _hurry ? Math.Min(_frameDue, _lastBroughtForward + _period) : _frameDue;

    public void Dispose() => _woken.Dispose();

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
