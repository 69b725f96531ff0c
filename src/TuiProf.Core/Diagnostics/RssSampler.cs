using TuiProf.Core.Timeline;

namespace TuiProf.Core.Diagnostics;

/// <summary>Reads a process's resident set size from <c>/proc/&lt;pid&gt;/statm</c>, as memory_profiler does.</summary>
public static class RssSampler
{
    private static readonly long PageSize = Environment.SystemPageSize;

    /// <summary>The RSS in bytes, or null once the process is gone.</summary>
    public static long? Read(int pid)
    {
        try
        {
            var statm = File.ReadAllText($"/proc/{pid}/statm");
            var fields = statm.Split(' ', 3);
            return fields.Length > 1 && long.TryParse(fields[1], out var pages) ? pages * PageSize : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Emits a sample every <paramref name="period"/> until the process is gone or cancellation.</summary>
    public static async Task RunAsync(int pid, Func<double> clock, TimeSpan period, Action<TimelineEvent> emit,
        CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            do
            {
                if (Read(pid) is not { } rss) return;
                emit(new MemorySample(clock(), Rss: rss));
            } while (await timer.WaitForNextTickAsync(cancellation));
        }
        catch (OperationCanceledException) { }
    }
}
