using TuiProf.Core.Targets;

namespace TuiProf.Tests.Targets;

public class DiagnosticSocketTests
{
    [Fact]
    public void This_runtimes_own_socket_is_live_and_a_dead_ones_with_its_pid_is_not()
    {
        var own = Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{Environment.ProcessId}-*-socket")
            .Select(DiagnosticSocket.Parse).OfType<DiagnosticSocket>().Single(s => s.IsLive);

        Assert.Equal(Environment.ProcessId, own.Pid);
        Assert.False((own with { Key = own.Key - 1 }).IsLive);
        Assert.True(DiagnosticSocket.IsPublished(Environment.ProcessId));
    }

    [Theory]
    [InlineData("/tmp/dotnet-diagnostic-123-4567-socket", 123, 4567L)]
    [InlineData("dotnet-diagnostic-9-0-socket", 9, 0L)]
    public void A_socket_name_gives_its_pid_and_key(string name, int pid, long key) =>
        Assert.Equal(new DiagnosticSocket(pid, key), DiagnosticSocket.Parse(name));

    [Theory]
    [InlineData("dotnet-diagnostic-123-socket")]
    [InlineData("dotnet-diagnostic-x-1-socket")]
    [InlineData("dotnet-diagnostic-1-2-socket.lock")]
    [InlineData("clr-debug-pipe-1-2-in")]
    public void Another_name_is_no_socket(string name) => Assert.Null(DiagnosticSocket.Parse(name));
}
