namespace TuiProf.Scenarios;

/// <summary>The blog's <c>eternal_list</c>: a list holding the array and itself, unreachable once the call returns.</summary>
public static class CircularList
{
    public static void Hold(long[] array)
    {
        var eternal = new List<object> { array };
        eternal.Add(eternal);
    }
}
