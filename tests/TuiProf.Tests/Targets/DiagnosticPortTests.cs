using CliWrap;

namespace TuiProf.Tests.Targets;

[Collection(TestProjectsCollection.Name)]
public sealed class DiagnosticPortTests(TestProjects projects) : TargetTest
{
    [Fact(Timeout = 180_000)]
    public async Task Connecting_to_the_socket_of_a_runtime_held_at_startup_records_it_from_its_first_call_and_resumes_it()
    {
        // A runtime listens only on its default socket (CoreCLR ignores ",listen" in DOTNET_DiagnosticPorts); TMPDIR
        // says where, as a container's shared volume does. DefaultDiagnosticPortSuspend holds it until a tool connects.
        var directory = TestTemp.Directory("tuiprof-port-");
        using var limit = new CancellationTokenSource(HangLimit);
        var app = DotNetCommands.Dotnet(Tree, [projects.PortApp, "4"],
            new() { ["TMPDIR"] = directory, ["DOTNET_DefaultDiagnosticPortSuspend"] = "1" }).ExecuteAsync(limit.Token);
        var socket = await WaitForRuntimeSocketAsync(directory, limit.Token);
        var file = OutFile("connect.jsonl");

        var run = await RecordAsync("--diagnostic-port", socket + ",connect", "--out", file, "--duration", "3");

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        Assert.Contains("FirstCall", recording.BracketNames);
        Assert.Contains("Tick", recording.BracketNames);
        Assert.Contains(recording.OfType("gc"), gc => gc.GetProperty("gen").GetInt32() == 2); // the one inside FirstCall
        Assert.Equal(0, (await app).ExitCode); // resumed by tuiprof, then ran to its end
    }

    [Fact(Timeout = 180_000)]
    public async Task Listening_profiles_a_runtime_that_connects_from_its_first_allocation_and_resumes_it()
    {
        var socket = Path.Combine(TestTemp.Directory("tuiprof-port-"), "port.sock");
        using var limit = new CancellationTokenSource(HangLimit);
        var file = OutFile("listen.jsonl");
        var tuiprof = DotNetCommands.RunAsync(DotNetCommands.TuiProf(Tree, "record", "--diagnostic-port", socket, "--out", file, "--duration", "10"),
            Tree, HangLimit);
        while (!File.Exists(socket) && !tuiprof.IsCompleted) await Task.Delay(20, limit.Token);
        Assert.False(tuiprof.IsCompleted, $"tuiprof ended before it listened: {(tuiprof.IsCompleted ? await tuiprof : null)}");

        // DOTNET_DiagnosticPorts=PATH alone: the runtime connects and waits (suspend is the default) for a resume.
        var app = await PortApp(socket, seconds: 2).ExecuteAsync(limit.Token);
        var run = await tuiprof;

        Assert.Equal(0, app.ExitCode);
        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        Assert.Contains("FirstCall", recording.BracketNames);
        Assert.Contains(recording.OfType("gc"), gc => gc.GetProperty("gen").GetInt32() == 2); // the one inside FirstCall
    }

    private Command PortApp(string port, double seconds) =>
        DotNetCommands.Dotnet(Tree, [projects.PortApp, $"{seconds}"], new() { ["DOTNET_DiagnosticPorts"] = port });
}
