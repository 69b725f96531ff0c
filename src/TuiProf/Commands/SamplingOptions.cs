using System.CommandLine;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Sources;

namespace TuiProf.Commands;

/// <summary>
/// <c>--interval</c>, <c>--no-rss</c>, <c>--counter-interval</c>, <c>--counters</c>, <c>--activities</c>,
/// <c>--allocations</c> and <c>--follow</c>: what is read from a target and how often, for record, run, attach and
/// the bare TUI.
/// </summary>
public static class SamplingOptions
{
    private static readonly SessionOptions Defaults = new();
    private const double MinPeriod = 0.005, MaxPeriod = 10;

    public static Option<double?> Interval { get; } = NumericRange.Seconds(new Option<double?>("--interval")
    {
        Description = $"Seconds between RSS samples (default {Defaults.SamplePeriod!.Value.TotalSeconds}; mprof's -T)",
    }, MinPeriod, MaxPeriod);

    public static Option<double?> CounterInterval { get; } = NumericRange.Seconds(new Option<double?>("--counter-interval")
    {
        Description = $"Seconds between runtime counter readings, the GC heap line (default {SessionOptions.SharedCounterInterval.TotalSeconds}, " +
                      "dotnet-counters' own: another interval stops a dotnet-counters on the same process from getting " +
                      $"EventCounters data; {SessionOptions.PrivateCounterInterval.TotalSeconds} for the built-in scenarios)",
    }, MinPeriod, MaxPeriod);

    public static Option<string[]> Counters { get; } = ValidatedProviders(new Option<string[]>("--counters")
    {
        Description = "More EventCounters providers for the Counters panel, comma-separated (e.g. System.Net.Http, or your own EventSource's name)",
        CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    });

    public static Option<string[]> Activities { get; } = new("--activities")
    {
        Description = "ActivitySources whose spans become brackets, comma-separated; 'Name*' is a prefix (default: all but .NET's Experimental.*)",
        CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    public static Option<string> Follow { get; } = new("--follow") { Description = Core.Targets.FollowRule.Help };

    public static Option<bool> NoRss { get; } = new("--no-rss") { Description = "Do not sample the process's RSS: GC heap and events only" };

    public static Option<bool> Allocations { get; } = new("--allocations")
    {
        Description = "Sample allocations by type and per call (.NET 10's randomized sampling, ~1 event per 100 KB; before .NET 10 GCAllocationTick, biased; slows a target that allocates GBs a second)",
    };

    public static Option<bool> CallSites { get; } = new("--call-sites")
    {
        Description = "Also sample where allocations come from: the methods, from a stack with each sample (implies --allocations; costs more than the types alone)",
    };

    public static void AddTo(Command command)
    {
        command.Add(Interval);
        command.Add(NoRss);
        command.Add(CounterInterval);
        command.Add(Counters);
        command.Add(Allocations);
        command.Add(CallSites);
        command.Add(Activities);
        command.Add(Follow);
    }

    public static SessionOptions From(ParseResult parse)
    {
        if (parse.GetValue(NoRss) && parse.GetValue(Interval) is not null)
            throw new Targets.UsageException("give --interval or --no-rss, not both");
        return Defaults with
        {
            SamplePeriod = parse.GetValue(NoRss) ? null
                : parse.GetValue(Interval) is { } seconds ? TimeSpan.FromSeconds(seconds) : Defaults.SamplePeriod,
            Allocations = parse.GetValue(Allocations) || parse.GetValue(CallSites),
            CallSites = parse.GetValue(CallSites),
            CounterProviders = parse.GetValue(Counters) ?? [],
            CounterInterval = parse.GetValue(CounterInterval) is { } counters ? TimeSpan.FromSeconds(counters) : Defaults.CounterInterval,
            CounterIntervalGiven = parse.GetValue(CounterInterval) is not null,
            Activities = parse.GetValue(Activities) is { Length: > 0 } names ? new ActivityFilter(names) : ActivityFilter.Default,
            Follow = parse.GetValue(Follow) is { } follow ? ParseFollow(follow) : Defaults.Follow,
        };
    }

    private static Core.Targets.FollowRule ParseFollow(string text)
    {
        try { return Core.Targets.FollowRule.Parse(text); }
        catch (FormatException e) { throw new Targets.UsageException(e.Message); }
    }

    private static Option<string[]> ValidatedProviders(Option<string[]> counters)
    {
        counters.Validators.Add(r =>
        {
            foreach (var name in r.GetValueOrDefault<string[]>() ?? [])
                if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                    r.AddError($"--counters: '{name}' is not an EventSource name");
        });
        return counters;
    }
}
