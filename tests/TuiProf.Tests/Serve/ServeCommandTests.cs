using System.Net;
using System.Net.Sockets;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Serve;

/// <summary>What serve says of input it cannot serve with: one line, exit 2, before it watches anything.</summary>
public class ServeCommandTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("9464", "give HOST:PORT")]
    [InlineData("127.0.0.1:99999", "give HOST:PORT")]
    [InlineData("example.org:9464", "HOST must be an IP address")]
    public async Task A_listen_address_that_is_not_HOST_PORT_is_one_line_and_exit_2(string address, string said)
    {
        var outcome = await TuiProfCli.RunAsync("serve", "--metrics", address);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(said, line);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("serve")]
    [InlineData("record", "baseline", "-o", "unwritten.jsonl")]
    public async Task A_collector_URL_that_is_not_http_is_one_line_and_exit_2(params string[] command)
    {
        var outcome = await TuiProfCli.RunAsync([.. command, "--otlp", "127.0.0.1:4317"]);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("give the collector's http:// or https:// URL", line);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_port_in_use_is_one_line_and_exit_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();

        var outcome = await TuiProfCli.RunAsync("serve", "--metrics", $"{taken.LocalEndpoint}");

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot listen there", line);
    }
}
