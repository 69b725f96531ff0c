using System.Diagnostics;
using System.Net.Sockets;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Targets;

/// <summary>A diagnostic port that leads nowhere: one line on stderr, exit 1, within 5 s (tuiprof's own start included).</summary>
public sealed class BadDiagnosticPortTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 60_000)]
    public Task A_connect_port_that_does_not_exist_fails_in_one_line() =>
        AssertFailsInOneLineAsync(Path.Combine(EmptyDir(), "nothing.sock") + ",connect");

    [Fact(Timeout = 60_000)]
    public Task A_connect_port_that_is_a_regular_file_fails_in_one_line()
    {
        var file = Path.Combine(EmptyDir(), "file.sock");
        File.WriteAllText(file, "not a socket");
        return AssertFailsInOneLineAsync(file + ",connect");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_connect_port_whose_socket_never_answers_fails_in_one_line()
    {
        var path = Path.Combine(EmptyDir(), "silent.sock");
        // Bound and listening, so a connect succeeds, but nothing ever accepts or answers.
        using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        silent.Bind(new UnixDomainSocketEndPoint(path));
        silent.Listen(1);

        await AssertFailsInOneLineAsync(path + ",connect");
    }

    [Fact(Timeout = 60_000)]
    public Task A_listen_port_in_a_directory_that_does_not_exist_fails_in_one_line() =>
        AssertFailsInOneLineAsync(Path.Combine(EmptyDir(), "missing", "listen.sock") + ",listen");

    [Fact(Timeout = 60_000)]
    public async Task A_folder_of_dead_runtimes_sockets_fails_in_one_short_line_that_says_none_listens()
    {
        // A runtime killed leaves its socket: a shared /tmp holds hundreds, and each once went into the error line.
        var folder = EmptyDir();
        var paths = Enumerable.Range(1000, 40).Select(pid => Path.Combine(folder, $"dotnet-diagnostic-{pid}-42-socket"));
        // Bound by a process that then ends without removing them, as a killed runtime does (.NET removes its own on close).
        await CliWrap.Cli.Wrap("python3").WithArguments(["-c", "import socket, sys\nfor p in sys.argv[1:]: socket.socket(socket.AF_UNIX).bind(p)", .. paths])
            .ExecuteAsync();

        var error = await AssertFailsInOneLineAsync(folder + ",connect");

        Assert.Equal($"tuiprof: {folder} holds 40 diagnostics socket(s), none listening: their runtimes have exited", error);
    }

    private static async Task<string> AssertFailsInOneLineAsync(string port)
    {
        var clock = Stopwatch.StartNew();
        var result = await TuiProfCli.RunAsync("record", "--diagnostic-port", port, "--out", TuiProfCli.TempFile("bad-port.jsonl"));
        clock.Stop();

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.StandardError}");
        Assert.True(result.StandardError.Trim().Split('\n').Length == 1, $"not one line on stderr:\n{result.StandardError}");
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.True(clock.Elapsed < Limit, $"took {clock.Elapsed.TotalSeconds:0.0} s: {result.StandardError}");
        return result.StandardError.Trim();
    }

    private static string EmptyDir() => TestTemp.Directory("tuiprof-badport-");
}
