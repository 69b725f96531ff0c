namespace TuiProf.Benchmarks;

/// <summary>How the harness waits for a tool it stopped.</summary>
public static class ToolRun
{
    /// <summary>Waits for a run the harness cancelled (SIGINT, then a kill): its cancellation is what was asked.</summary>
    public static async Task EndedAsync(Task run)
    {
        try { await run; }
        catch (OperationCanceledException) { /* as asked */ }
    }
}
