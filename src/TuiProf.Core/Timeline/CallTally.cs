namespace TuiProf.Core.Timeline;

/// <summary>
/// The calls of one name that started in one bucket of time, summarised once too many to keep one by one: how many,
/// their total duration, the first one's start (<see cref="T"/>) and the last one's end.
/// </summary>
public readonly record struct CallTally(double T, double End, string Name, int Count, double TotalSeconds)
{
    public static CallTally Of(Bracket call) => new(call.T, call.End, call.Name, 1, call.Duration);

    public CallTally Then(Bracket later) =>
        this with { End = Math.Max(End, later.End), Count = Count + 1, TotalSeconds = TotalSeconds + later.Duration };
}
