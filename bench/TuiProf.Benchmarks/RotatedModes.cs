namespace TuiProf.Benchmarks;

/// <summary>
/// Runs of one measure in several modes, interleaved and the order rotated each round, so that no mode always
/// follows the same one and a slow spell of the machine spreads over all of them.
/// </summary>
public static class RotatedModes
{
    /// <summary>Each mode's results, in the modes' order.</summary>
    public static async Task<List<double>[]> RunAsync(IReadOnlyList<Func<Task<double>>> modes, int rounds)
    {
        var results = modes.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < rounds; i++)
            for (var m = 0; m < modes.Count; m++)
            {
                var mode = (i + m) % modes.Count;
                results[mode].Add(await modes[mode]());
            }
        return results;
    }
}
