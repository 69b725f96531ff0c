using TuiProf.Core.Diagnostics;
using TuiProf.Core.Targets;
using TuiProf.Scenarios;

namespace TuiProf.Targets;

/// <summary>
/// What the user asked to profile, as parsed from the command line: a built-in scenario, any command, a running
/// process or a diagnostic port. How each is reached is Core's (<see cref="Target"/>).
/// </summary>
public abstract record TargetSpec
{
    public sealed record Scenario(ScenarioInfo Info, bool Loop) : TargetSpec;

    public sealed record Command(IReadOnlyList<string> CommandLine) : TargetSpec;

    /// <param name="Since">Time zero of its events when they continue a timeline begun then; null: now.</param>
    public sealed record Process(int Pid, DateTime? Since = null) : TargetSpec;

    public sealed record Port(DiagnosticPortAddress Address) : TargetSpec;

    public string DisplayName => ToTarget().DisplayName;

    /// <summary>Starts profiling; a built-in scenario, which only TuiProf watches, gets the finer counter interval.</summary>
    public Task<ProfilingSession> StartAsync(SessionOptions options, CancellationToken cancellation) =>
        ProfilingSession.StartAsync(ToTarget(), this is Scenario && !options.CounterIntervalGiven
            ? options with { CounterInterval = SessionOptions.PrivateCounterInterval }
            : options, cancellation);

    private Target ToTarget() => this switch
    {
        Scenario s => new LaunchedTarget(ScenarioCommand(s)),
        Command c => new LaunchedTarget(new TargetCommand(c.CommandLine[0], c.CommandLine.Skip(1).ToList(), string.Join(' ', c.CommandLine))),
        Process p => new AttachedTarget(p.Pid) { OriginUtc = p.Since ?? DateTime.UtcNow },
        Port p => new DiagnosticPortTarget(p.Address),
        _ => throw new InvalidOperationException($"unknown target {this}"),
    };

    private static TargetCommand ScenarioCommand(Scenario s)
    {
        List<string> arguments = [ScenarioCatalog.AssemblyPath, s.Info.Name];
        if (s.Loop) arguments.Add("--loop");
        return new TargetCommand(DotNetHost.Path, arguments, s.Info.Name, PinnedRuntime.Environment);
    }
}
