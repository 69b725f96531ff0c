using Terminal.Gui.App;
using Terminal.Gui.Views;
using TuiProf.Tui;
using Xunit;

namespace TuiProf.Tests.Tui;

/// <summary>The pacer driving Terminal.Gui's real main loop, with no terminal behind it.</summary>
[Collection(nameof(HeadlessTerminal))]
public sealed class MainLoopPacerTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly IApplication _app;
    private readonly Runnable _top = new();
    private MainLoopPacer? _pacer;
    private Task? _loop;
    private readonly SemaphoreSlim _frameDrawn = new(0);
    private int _iterations;
    private int _frames;

    public MainLoopPacerTests()
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        _app = Application.Create();
        _app.Init("ansi");
        _app.Iteration += (_, _) => Interlocked.Increment(ref _iterations);
    }

    [Fact]
    public async Task Between_frames_the_loop_sleeps_instead_of_turning()
    {
        var (iterations, frames) = await RatesWhile(_ => Task.Delay(TimeSpan.FromSeconds(1))); // the span measured, not a wait for something

        // Terminal.Gui's own sleep is off: were the pacer not waiting, the loop would turn thousands of times.
        Assert.InRange(iterations, 0, 15);
        Assert.InRange(frames, 0, 11);
    }

    [Fact]
    public async Task An_invoke_runs_at_once_not_at_the_next_frame()
    {
        Start(TimeSpan.FromHours(1));
        await NextFrame();
        var ran = new TaskCompletionSource();

        _pacer!.Invoke(_app, ran.SetResult);

        await ran.Task.WaitAsync(Wait);
        Assert.Equal(1, _frames);
    }

    [Fact]
    public async Task A_frame_asked_for_soon_comes_at_once_and_once_a_period_at_most()
    {
        Start(TimeSpan.FromHours(1));
        await NextFrame();

        _pacer!.FrameSoon();
        await NextFrame();
        _pacer.FrameSoon();

        Assert.False(await _frameDrawn.WaitAsync(TimeSpan.FromMilliseconds(300)), "a second frame brought forward within the period");
    }

    [Fact]
    public async Task Hundreds_of_frames_asked_for_soon_wake_the_loop_once_a_frame()
    {
        var (iterations, frames) = await RatesWhile(async clock =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(1))
            {
                _pacer!.FrameSoon(); // a GC every millisecond, as under churn
                await Task.Delay(1);
            }
        });

        Assert.InRange(frames, 0, 12);
        Assert.InRange(iterations, 0, 30);
    }

    /// <summary>
    /// Iterations and frames a second of a loop paced at 100 ms while <paramref name="during"/> runs: per second of the
    /// span it took, since a loaded machine may stretch it.
    /// </summary>
    private async Task<(double Iterations, double Frames)> RatesWhile(Func<System.Diagnostics.Stopwatch, Task> during)
    {
        Start(TimeSpan.FromMilliseconds(100));
        await NextFrame();
        var before = (_iterations, _frames);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await during(clock);
        var seconds = clock.Elapsed.TotalSeconds;
        return ((_iterations - before._iterations) / seconds, (_frames - before._frames) / seconds);
    }

    private void Start(TimeSpan period)
    {
        _pacer = new MainLoopPacer(period);
        _pacer.Pace(_app, () =>
        {
            Interlocked.Increment(ref _frames);
            _frameDrawn.Release();
        });
        _loop = Task.Factory.StartNew(() => _app.Run(_top), TaskCreationOptions.LongRunning);
    }

    private async Task NextFrame() => Assert.True(await _frameDrawn.WaitAsync(Wait), $"no frame in {Wait.TotalSeconds} s");

    public async ValueTask DisposeAsync()
    {
        if (_pacer is { } pacer && _loop is { } loop)
        {
            pacer.Invoke(_app, _app.RequestStop);
            await loop.WaitAsync(Wait);
            pacer.Dispose();
        }
        _top.Dispose();
        _app.Dispose();
        Application.MaximumIterationsPerSecond = Application.DefaultMaximumIterationsPerSecond;
    }
}
