using System.Globalization;
using System.Text.RegularExpressions;
using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Export;

namespace TuiProf.Tests.Serve;

/// <summary>The GC heap serve hands Prometheus is the one dotnet-counters shows for the same process, read at the same time.</summary>
public partial class ServeHeapTests
{
    [Fact(Timeout = 120_000)]
    public async Task The_heap_served_is_within_1_percent_of_a_reading_dotnet_counters_took_of_the_same_process_meanwhile()
    {
        await using var target = new RunningScenario("manual-collect"); // its heap swings between ~0.4 and ~64 MB
        var metrics = $"127.0.0.1:{FreePort.Next()}";
        await using var serve = new RunningTuiProf("serve", "--metrics", metrics, "--pid", $"{target.ProcessId}");
        var served = new List<double>();
        await Eventually.ScrapeHoldsAsync(metrics, text => Heap(text, target.ProcessId) is not null, TimeSpan.FromSeconds(30), "a heap served");

        // Scraped throughout dotnet-counters' own minutes: each runtime counter reading goes to both sessions at once
        // (one interval, dotnet-counters' 1 s, shared by every session on the process).
        var csv = TuiProfCli.TempFile("dotnet-counters-heap.csv");
        using var scraping = new CancellationTokenSource();
        var scraper = ScrapeAsync(metrics, target.ProcessId, served, scraping.Token);
        await DotnetCounters.CollectAsync(target.ProcessId, "csv", csv, seconds: 5, "--counters", @"EventCounters\System.Runtime");
        await scraping.CancelAsync();
        await scraper;

        var theirs = File.ReadLines(csv).Select(line => line.Split(','))
            .Where(f => f.Length >= 5 && f[2] == "GC Heap Size (MB)")
            .Select(f => double.Parse(f[4], CultureInfo.InvariantCulture) * 1e6).ToList();
        Assert.True(theirs.Count >= 3, $"dotnet-counters read {theirs.Count} heap sizes");
        // Every reading dotnet-counters took after serve's next scrape was served too; what serve served before its
        // first reading, and after its last, dotnet-counters never saw.
        var both = theirs.Skip(1).SkipLast(1).ToList();
        Assert.All(both, reading => Assert.Contains(served, value => Math.Abs(value - reading) <= reading * 0.01));
    }

    private static async Task ScrapeAsync(string metrics, int pid, List<double> served, CancellationToken stop)
    {
        using var http = new HttpClient();
        while (!stop.IsCancellationRequested)
        {
            if (Heap(await http.GetStringAsync($"http://{metrics}/metrics", CancellationToken.None), pid) is { } heap) served.Add(heap);
            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static double? Heap(string text, int pid) =>
        HeapLine().Match(text) is { Success: true } m && m.Groups[1].Value == $"{pid}" ? double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^tuiprof_gc_heap_size_bytes\{pid=""(\d+)""[^}]*\} (\S+)$", RegexOptions.Multiline)]
    private static partial Regex HeapLine();
}
