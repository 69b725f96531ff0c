using System.Diagnostics;

namespace TuiProf.Scenarios;

/// <summary>The blog's <c>random_number_average</c>, in C#, with each call traced as an Activity (a bracket).</summary>
public static class Experiment
{
    /// <summary>The ActivitySource every scenario uses; the profiler listens to all sources, not just this one.</summary>
    public static readonly ActivitySource Source = new("TuiProf.Scenarios");

    /// <summary>The blog's three calls.</summary>
    public static readonly double[] Durations = [0.3, 0.5, 0.4];

    /// <summary>
    /// Allocates <c>seconds * 10 000 000</c> random longs (24–40 MB, as numpy's int64 array), sleeps, returns the mean.
    /// <paramref name="keepAlive"/> lets a scenario make the array reachable from somewhere else (a cycle, a static).
    /// </summary>
    public static double RandomNumberAverage(double seconds, Action<long[]>? keepAlive = null)
    {
        using var activity = Source.StartActivity(nameof(RandomNumberAverage));
        var array = new long[(int)Math.Round(seconds * 10_000_000)];
        // An inline xorshift fills 40 MB in ~15 ms (Random.NextInt64 per element takes ~150 ms), so each bracket
        // lasts about as long as its sleep, as in the blog where numpy fills in C.
        var state = (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        for (var i = 0; i < array.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            array[i] = (long)(state % 100);
        }
        keepAlive?.Invoke(array);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        return array.Average();
    }

    /// <summary>Runs the three calls and prints their averages as the blog's <c>main()</c> does.</summary>
    public static void ThreeCalls(TextWriter output, Action<long[]>? keepAlive = null, Action? beforeThirdCall = null)
    {
        var results = new double[Durations.Length];
        for (var i = 0; i < Durations.Length; i++)
        {
            if (i == 2)
                beforeThirdCall?.Invoke();
            results[i] = RandomNumberAverage(Durations[i], keepAlive);
        }
        output.WriteLine($"Averages: {string.Join(", ", results.Select(r => r.ToString("F4")))}");
    }
}
