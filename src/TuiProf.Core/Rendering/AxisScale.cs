using System.Globalization;

namespace TuiProf.Core.Rendering;

/// <summary>Round numbers for axes: a memory ceiling in MB, a time tick step, and their labels.</summary>
public static class AxisScale
{
    /// <summary>Each step at most 25 % above the one before, so the peak fills at least 80 % of the height.</summary>
    private static readonly double[] Steps = [1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10];

    /// <summary>The smallest step × 10^k (steps 1, 1.25, 1.5 ... 8) that is at least <paramref name="value"/> (minimum 1).</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 1) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in Steps)
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }

    /// <summary>A tick step in seconds that leaves at least <paramref name="minColumns"/> columns between labels.</summary>
    public static double TimeStep(double span, int columns, int minColumns)
    {
        double[] candidates = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
        foreach (var step in candidates)
            if (span <= 0 || columns <= 0 || step / span * columns >= minColumns) return step;
        return 3600 * Math.Ceiling(span / 3600 / Math.Max(1, columns / minColumns));
    }

    public static string Seconds(double t, double step) => Format(t == 0 ? 0 : t, step); // no "-0s"

    private static string Format(double t, double step) =>
        step >= 3600 && t % 3600 == 0 ? $"{t / 3600:0}h" :
        step >= 60 && t % 60 == 0 ? $"{t / 60:0}m" :
        step < 1 ? string.Create(CultureInfo.InvariantCulture, $"{t:0.0}s") :
        string.Create(CultureInfo.InvariantCulture, $"{t:0}s");

    public static string Megabytes(double mb) =>
        string.Create(CultureInfo.InvariantCulture, $"{mb:0.##} MB");
}
