using System.CommandLine;
using TuiProf.Core.Heap;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>
/// <c>--snapshot-when</c>, <c>--snapshot-cooldown</c> and <c>--snapshot-min-free</c>: heap snapshots on a condition, for
/// record, run, attach and the bare TUI; checked before anything is launched.
/// </summary>
public static class SnapshotOptions
{
    public static Option<string?> When { get; } = new("--snapshot-when")
    {
        Description = $"Take a heap snapshot when a reading makes this hold ({SnapshotTrigger.Spelling}); record writes it as FILE.heap-N.json",
    };

    public static Option<double> CoolDown { get; } = NumericRange.Seconds(new Option<double>("--snapshot-cooldown")
    {
        Description = "Seconds before the condition may take another snapshot",
        DefaultValueFactory = _ => 300,
    }, 1, TimeSpan.FromDays(1).TotalSeconds);

    public static Option<string?> MinFree { get; } = new("--snapshot-min-free")
    {
        Description = "Skip a snapshot when the host has less memory available than this (default: 100 MB + 3x the heap)",
    };

    public static void AddTo(Command command)
    {
        command.Add(When);
        command.Add(CoolDown);
        command.Add(MinFree);
    }

    /// <summary>The rule asked for, or null; a condition or size that cannot be read is a usage error.</summary>
    public static SnapshotRule? From(ParseResult parse)
    {
        var (when, minFree) = (parse.GetValue(When), parse.GetValue(MinFree));
        try
        {
            if (when is null)
                return minFree is null ? null : throw new UsageException("--snapshot-min-free needs --snapshot-when");
            var rule = new SnapshotRule(when, TimeSpan.FromSeconds(parse.GetValue(CoolDown)),
                minFree is null ? null : SnapshotTrigger.ParseSize(minFree));
            rule.Start(); // reads the condition now, before anything is launched
            return rule;
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
