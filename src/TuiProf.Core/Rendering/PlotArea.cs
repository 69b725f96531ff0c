namespace TuiProf.Core.Rendering;

/// <summary>The cells a layer draws into, and the time span its columns cover.</summary>
public readonly record struct PlotArea(int X, int Y, int Width, int Height, double Start, double End)
{
    /// <summary>The column (0-based, may fall outside) that time <paramref name="t"/> lands in, at <paramref name="perCell"/> sub-columns a cell.</summary>
    public int Column(double t, int perCell = 1) =>
        End <= Start ? 0 : (int)Math.Floor((t - Start) / (End - Start) * Width * perCell);
}
