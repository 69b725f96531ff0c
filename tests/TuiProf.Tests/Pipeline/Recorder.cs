using TuiProf.Core.Diagnostics;
using TuiProf.Core.Timeline;
using TuiProf.Scenarios;
using TuiProf.Targets;

namespace TuiProf.Tests.Pipeline;

/// <summary>Runs a real scenario process under a real EventPipe session and collects everything it emits.</summary>
public static class Recorder
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<TimelineEvent>> RecordAsync(string scenario)
    {
        using var timeout = new CancellationTokenSource(Limit);
        await using var session = await StartAsync(scenario, loop: false, timeout.Token);
        var events = new List<TimelineEvent>();
        await foreach (var e in session.Events.ReadAllAsync(timeout.Token))
            events.Add(e);
        return events;
    }

    public static Task<ProfilingSession> StartAsync(string scenario, bool loop, CancellationToken cancellation) =>
        new TargetSpec.Scenario(ScenarioCatalog.Find(scenario)!, loop).StartAsync(new SessionOptions(), cancellation);

    /// <summary>Reads events until one matches, failing after <paramref name="within"/>.</summary>
    public static async Task<T> WaitForAsync<T>(ProfilingSession session, Func<T, bool> match, TimeSpan within)
        where T : TimelineEvent
    {
        using var timeout = new CancellationTokenSource(within);
        await foreach (var e in session.Events.ReadAllAsync(timeout.Token))
            if (e is T t && match(t)) return t;
        throw new InvalidOperationException($"the stream ended without a matching {typeof(T).Name}");
    }
}
