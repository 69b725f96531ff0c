using System.Diagnostics;

namespace TuiProf.Benchmarks;

/// <summary>The programs the benchmarks profile: this same executable, started with <c>target NAME</c>.</summary>
public static class BenchTarget
{
    public static int Run(string name) => name switch
    {
        "collect" => Collect(),
        "work" => Work(),
        "work-cpu" => WorkCpu(),
        "gc-marks" => GcMarks(),
        "idle" => Idle(),
        "terminal-floor" => TerminalFloor.Run(asTuiProf: false),
        "terminal-floor-tuiprof" => TerminalFloor.Run(asTuiProf: true),
        _ => 2,
    };

    /// <summary>A GC.Collect() every 100 ms, 60 times: the latency benchmark's subject.</summary>
    private static int Collect()
    {
        for (var i = 0; i < 60; i++)
        {
            Thread.Sleep(100);
            GC.Collect();
        }
        return 0;
    }

    /// <summary>A fixed CPU and allocation workload, timed after a warm-up (so JIT tiering is not what is measured); prints ms.</summary>
    private static int Work()
    {
        Rounds(1_000);
        var clock = Stopwatch.StartNew();
        var checksum = Rounds(8_000);
        return Result($"{clock.Elapsed.TotalMilliseconds:F1} {checksum}");
    }

    /// <summary>
    /// The same workload after a second's pause (for a session to attach), measured in the process's own CPU time:
    /// what a session's events and stack walks cost the target, whichever thread pays.
    /// </summary>
    private static int WorkCpu()
    {
        Thread.Sleep(1_000);
        Rounds(1_000);
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var checksum = Rounds(8_000);
        return Result($"{(Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds:F1} {checksum}");
    }

    /// <summary>
    /// Until killed: an induced gen-2 GC every 4-5 s (longer than dotnet-counters takes to show one, so each GC's
    /// showing comes before the next GC; varied so that it does not lock in phase with a 1 s refresh), each followed by the monotonic clock's reading as it ended (Stopwatch: CLOCK_MONOTONIC,
    /// the same clock in every process of the machine).
    /// </summary>
    private static int GcMarks()
    {
        var random = new Random(13);
        while (true)
        {
            Thread.Sleep(4_000 + random.Next(1_000));
            GC.Collect();
            Console.WriteLine(Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Does nothing until killed: what any process of this runtime maps before it does anything (the RSS floor).</summary>
    private static int Idle()
    {
        Thread.Sleep(Timeout.Infinite);
        return 0;
    }

    /// <summary>Prints the result, or writes it to BENCH_RESULT's file: dotnet-counters does not pass a launched child's stdout on.</summary>
    private static int Result(string result)
    {
        if (Environment.GetEnvironmentVariable("BENCH_RESULT") is { Length: > 0 } file) File.WriteAllText(file, result);
        else Console.WriteLine(result);
        return 0;
    }

    private static long Rounds(int count)
    {
        long checksum = 0;
        for (var round = 0; round < count; round++)
        {
            var list = new List<int[]>();
            for (var i = 0; i < 2_000; i++) list.Add(new int[64 + i % 64]);
            foreach (var array in list) checksum += array.Length;
            var text = string.Join(",", Enumerable.Range(0, 2_000));
            checksum += text.Length;
        }
        return checksum;
    }
}
