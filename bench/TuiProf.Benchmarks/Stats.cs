namespace TuiProf.Benchmarks;

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(p * (sorted.Count - 1))];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);
}
