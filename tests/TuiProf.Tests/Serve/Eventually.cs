namespace TuiProf.Tests.Serve;

/// <summary>Polls a server until a condition holds, with a deadline: no fixed sleep, no waiting longer than needed.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> holds; a server not listening yet counts as not yet.</summary>
    /// <param name="what">What was awaited, for the failure (read only then).</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, Func<string> what)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { /* not listening yet */ }
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"not within {within.TotalSeconds} s: {what()}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>Waits until serve's /metrics at <paramref name="metrics"/> (HOST:PORT) holds.</summary>
    public static async Task ScrapeHoldsAsync(string metrics, Func<string, bool> holds, TimeSpan within, string what)
    {
        using var http = new HttpClient();
        await HoldsAsync(async () => holds(await http.GetStringAsync($"http://{metrics}/metrics")), within, () => what);
    }
}
