using System.Diagnostics;
using TuiProf.Core.Targets;

namespace TuiProf.Tests.Tui;

public sealed class TerminalWritesTests
{
    /// <summary>
    /// Terminal.Gui writes each cursor move and each run of changed cells with a call of its own: ~350 a second on a
    /// live screen, each one a wake of the terminal at the other end. TuiProf's <c>FrameOutput</c> makes a
    /// frame one write; what is left is the cursor's own two a frame.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task A_live_frame_reaches_the_terminal_in_a_few_writes_not_one_per_cursor_move()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40);
        var target = await tui.WaitForRunningTargetAsync();
        var tuiprof = ProcessInfo.ParentOf(target) ?? throw new InvalidOperationException($"pid {target} has no parent");
        await tui.WaitForAsync(s => s.Contains("MB┤"), "the graph");

        var (writes, span) = await WritesOverAsync(tuiprof, TimeSpan.FromSeconds(3));

        var perSecond = writes / span.TotalSeconds;
        Assert.True(perSecond <= 60, $"{perSecond:0} writes a second at 10 frames a second");
    }

    /// <summary>Write calls of the process (<c>syscw</c> of /proc/PID/io) over a span; a rate, not a wait for an event.</summary>
    private static async Task<(long Writes, TimeSpan Span)> WritesOverAsync(int pid, TimeSpan span)
    {
        var clock = Stopwatch.StartNew();
        var before = WriteCalls(pid);
        await Task.Delay(span);
        return (WriteCalls(pid) - before, clock.Elapsed);
    }

    private static long WriteCalls(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/io").First(l => l.StartsWith("syscw:")).Split(':')[1].Trim());
}
