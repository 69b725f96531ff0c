namespace TuiProf.Core.Timeline;

/// <summary>Binary search over items in order, read by index.</summary>
internal static class Ordered
{
    /// <summary>The index of the first of <paramref name="count"/> items for which <paramref name="isAtOrAfter"/> holds.</summary>
    public static int FirstIndex(int count, Func<int, bool> isAtOrAfter)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (isAtOrAfter(mid)) high = mid;
            else low = mid + 1;
        }
        return low;
    }
}
