namespace TuiProf.Tests.Export;

/// <summary>Numbers equal within a tolerance, for comparing whole sequences of times.</summary>
public sealed class Within(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double value) => 0;
}
