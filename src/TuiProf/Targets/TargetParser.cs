using TuiProf.Core.Targets;
using TuiProf.Scenarios;

namespace TuiProf.Targets;

/// <summary>Turns the command line's target words into a <see cref="TargetSpec"/>, or a one-line error.</summary>
public static class TargetParser
{
    public static TargetSpec Parse(string? scenario, int? pid, IReadOnlyList<string> command, bool loop, string? port = null)
    {
        var given = (scenario is null ? 0 : 1) + (pid is null ? 0 : 1) + (command.Count == 0 ? 0 : 1) + (port is null ? 0 : 1);
        if (given != 1)
            throw new UsageException("give exactly one target: a scenario name, --pid N, --diagnostic-port PATH[,connect|listen], or -- command [args...]");
        if (pid is { } id)
            return id > 0 ? new TargetSpec.Process(id) : throw new UsageException($"--pid must be a positive process id, not {id}");
        if (port is not null)
        {
            try { return new TargetSpec.Port(DiagnosticPortAddress.Parse(port)); }
            catch (FormatException e) { throw new UsageException(e.Message); }
        }
        if (command.Count > 0)
            return new TargetSpec.Command(command);
        return ScenarioCatalog.Find(scenario!) is { } info
            ? new TargetSpec.Scenario(info, loop)
            : throw new UsageException($"unknown scenario '{scenario}'{DidYouMean.Hint(scenario!, ScenarioCatalog.All.Select(s => s.Name))} " +
                                       $"(known: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))})");
    }
}

/// <summary>The user's command line is wrong: exit code 2 and a usage hint.</summary>
public sealed class UsageException(string message) : Exception(message);
