namespace TuiProf.Tests.Fleet;

/// <summary>Readings arrive on a watch's own threads: a condition on them is polled, with a deadline.</summary>
public static class WatchWait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not seen within {within.TotalSeconds:0} s: {what}");
            await Task.Delay(25);
        }
    }
}
