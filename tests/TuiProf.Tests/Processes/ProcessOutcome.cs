namespace TuiProf.Tests.Processes;

/// <summary>How a process a test ran ended: its exit code, everything it wrote, and how long it ran.</summary>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\nstdout: {StandardOutput}\nstderr: {StandardError}";
}
