using System.Globalization;
using System.Text.Json;
using CliWrap;
using TuiProf.Tests.Export;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Serve;

/// <summary>
/// Debian's Prometheus (2.42; .ci/run installs it) run as a child of the test: a config of the test's own scraping
/// one target every second, its database in a temp directory, its API on a free loopback port. Killed on dispose.
/// </summary>
public sealed class RealPrometheus : IAsyncDisposable
{
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(1);

    private readonly RunningProcess _process;
    private readonly HttpClient _http = new();
    private readonly string _api;

    /// <param name="target">HOST:PORT whose /metrics it scrapes.</param>
    public RealPrometheus(string target)
    {
        var directory = TestTemp.Directory("prometheus-");
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: {ScrapeInterval.TotalSeconds}s
              scrape_timeout: {ScrapeInterval.TotalSeconds}s
            scrape_configs:
              - job_name: tuiprof
                static_configs:
                  - targets: ['{target}']
            """);
        var listen = $"127.0.0.1:{FreePort.Next()}";
        _api = $"http://{listen}";
        _process = RunningProcess.Start(
            Cli.Wrap(InstalledTool.Locate("prometheus", "TUIPROF_PROMETHEUS", "apt-get install prometheus"))
                .WithArguments(["--config.file", config, "--storage.tsdb.path", Path.Combine(directory, "data"),
                    "--web.listen-address", listen])
                .WithValidation(CommandResultValidation.None),
            TimeSpan.FromSeconds(120));
    }

    /// <summary>Waits until its API answers.</summary>
    public Task WaitUntilReadyAsync(TimeSpan within) =>
        Eventually.HoldsAsync(async () => (await _http.GetAsync($"{_api}/-/ready")).IsSuccessStatusCode, within, () => Said("Prometheus' being ready"));

    /// <summary>Waits until the number of series <paramref name="promql"/> returns is <paramref name="count"/>.</summary>
    public Task WaitForSeriesAsync(string promql, int count, TimeSpan within) =>
        Eventually.HoldsAsync(async () => (await QueryAsync(promql)).Count == count, within, () => Said($"{count} series of {promql}"));

    /// <summary>The values of an instant PromQL query now, one per series (empty: no series).</summary>
    public async Task<IReadOnlyList<double>> QueryAsync(string promql)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync($"{_api}/api/v1/query?query={Uri.EscapeDataString(promql)}"));
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(series => double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)).ToList();
    }

    private string Said(string what) => $"{what}; Prometheus said:\n{_process.Error.Text}";

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
