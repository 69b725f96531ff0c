using TuiProf.Core.Diagnostics;
using TuiProf.Scenarios;

namespace TuiProf.Targets;

/// <summary>What the user asked to profile: a built-in scenario, any command, or a running process.</summary>
public abstract record TargetSpec
{
    public sealed record Scenario(ScenarioInfo Info, bool Loop) : TargetSpec;

    public sealed record Command(IReadOnlyList<string> CommandLine) : TargetSpec;

    public sealed record Process(int Pid) : TargetSpec;

    public string DisplayName => this switch
    {
        Scenario s => s.Info.Name,
        Command c => string.Join(' ', c.CommandLine),
        Process p => ProcessInfo.NameOf(p.Pid) is { Length: > 0 } name ? name : $"pid {p.Pid}",
        _ => "?",
    };

    public Task<ProfilingSession> StartAsync(SessionOptions options, CancellationToken cancellation) => this switch
    {
        Process p => ProfilingSession.AttachAsync(p.Pid, options, cancellation),
        Scenario s => ProfilingSession.LaunchAsync(ScenarioCommand(s), options, cancellation),
        Command c => ProfilingSession.LaunchAsync(new TargetCommand(c.CommandLine[0], c.CommandLine.Skip(1).ToList(), DisplayName), options, cancellation),
        _ => throw new InvalidOperationException(),
    };

    private static TargetCommand ScenarioCommand(Scenario s)
    {
        List<string> arguments = [ScenarioCatalog.AssemblyPath, s.Info.Name];
        if (s.Loop) arguments.Add("--loop");
        return new TargetCommand(DotNetHost.Path, arguments, s.Info.Name, PinnedRuntime.Environment);
    }
}
