namespace TuiProf.Tests.Targets;

/// <summary>
/// A test of real targets: every process it starts carries its marker, and whatever is still alive when it ends is
/// killed, so a failing test leaves nothing behind (not even a node or a suspended runtime).
/// </summary>
public abstract class TargetTest : IDisposable
{
    /// <summary>Far beyond any healthy run (a build under tuiprof takes seconds to tens of seconds on 2 busy cores).</summary>
    protected static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(150);

    protected TreeProcesses Tree { get; } = new($"test-{Guid.NewGuid():N}");

    protected static string OutFile(string name) => CommandLine.TuiProfCli.TempFile(name);

    protected Task<Processes.ProcessOutcome> RecordAsync(params string[] arguments) =>
        DotNetCommands.RunAsync(DotNetCommands.TuiProf(Tree, ["record", .. arguments]), Tree, HangLimit);

    /// <summary>
    /// Waits for the diagnostics socket a runtime creates in its TMPDIR (<c>dotnet-diagnostic-PID-KEY-socket</c>, PID as
    /// the runtime sees it); nothing announces it, and the test's own limit bounds the wait.
    /// </summary>
    protected static async Task<string> WaitForRuntimeSocketAsync(string directory, CancellationToken cancellation)
    {
        while (true)
        {
            if (Directory.GetFiles(directory, "dotnet-diagnostic-*-socket") is [var socket]) return socket;
            await Task.Delay(20, cancellation);
        }
    }

    /// <summary>Fails naming every process in the list, whole (xunit's collection messages cut them short).</summary>
    protected static void AssertNone(string what, IReadOnlyList<string> processes) =>
        Assert.True(processes.Count == 0, $"{processes.Count} processes {what}:\n{string.Join("\n", processes)}");

    public void Dispose()
    {
        Tree.KillAll();
        GC.SuppressFinalize(this);
    }
}
