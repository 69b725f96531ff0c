using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>Reads a process's resident set size from <c>/proc/&lt;pid&gt;/statm</c>, as memory_profiler does.</summary>
public static class RssSampler
{
    private static readonly long PageSize = Environment.SystemPageSize;

    /// <summary>
    /// The RSS in bytes, or null once the process is gone. An exiting process (and a zombie) still has a statm
    /// file, all zeros: a live process always has resident pages, so zero means gone, not "memory fell to 0".
    /// </summary>
    public static long? Read(int pid) => Resident(ProcFile.Read(Statm(pid), stackalloc byte[StatmSize]));

    private const int StatmSize = 128; // seven numbers

    private static string Statm(int pid) => $"/proc/{pid}/statm";

    private static long? Resident(ReadOnlySpan<byte> statm) =>
        ProcFile.Number(statm, 1) is > 0 and var pages ? pages * PageSize : null;

    /// <summary>
    /// Emits a sample every <paramref name="period"/> until the process is gone or cancellation, on a thread of its
    /// own: on the thread pool a busy machine (when one profiles) delayed and merged ticks, down to 14 samples/s.
    /// </summary>
    public static Task RunAsync(int pid, Func<double> clock, TimeSpan period, Action<TimelineEvent> emit,
        CancellationToken cancellation)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(pid, clock, period, emit, cancellation);
                done.SetResult();
            }
            catch (Exception e) { done.SetException(e); }
        }) { IsBackground = true, Name = "RSS sampler" };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// Samples are handed on at most ten times a second, a few at once: each hand-over wakes the reader on another
    /// thread, and at 25 samples a second those wakes were most of what sampling cost. The screen draws ten frames
    /// a second, so it shows no later for it. The first two go at once: a line needs two points, and the first frame
    /// that can draw one should not wait a hand-over for the second.
    /// </summary>
    private static readonly long HandOver = Stopwatch.Frequency / 10;

    private static void Run(int pid, Func<double> clock, TimeSpan period, Action<TimelineEvent> emit,
        CancellationToken cancellation)
    {
        SafeFileHandle statm;
        try { statm = File.OpenHandle(Statm(pid)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        using var open = statm; // read again and again from the start: no open, buffer or string per sample
        Span<byte> buffer = stackalloc byte[StatmSize];
        var pending = new List<MemorySample>();
        var handedOver = Stopwatch.GetTimestamp() - HandOver;
        var taken = 0;
        var sleep = new PeriodicSleep(period); // fixed deadlines keep the rate exact
        try
        {
            do
            {
                if (Resident(ProcFile.Read(statm, buffer)) is not { } rss) return;
                pending.Add(new MemorySample(clock(), Rss: rss));
                if (++taken <= 2 || Stopwatch.GetTimestamp() - handedOver >= HandOver)
                {
                    HandOn(pending, emit);
                    handedOver = Stopwatch.GetTimestamp();
                }
            } while (sleep.Next(cancellation));
        }
        finally
        {
            HandOn(pending, emit); // the last few, taken before the end: nothing read is dropped
        }
    }

    private static void HandOn(List<MemorySample> pending, Action<TimelineEvent> emit)
    {
        foreach (var sample in pending) emit(sample);
        pending.Clear();
    }
}
