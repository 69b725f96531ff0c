namespace TuiProf.Live;

/// <summary>What asking for a GC from outside did: the GC itself is seen later, in the timeline, as Induced.</summary>
public abstract record ForcedGcOutcome
{
    public sealed record Requested : ForcedGcOutcome;

    /// <summary>No GC will come; <c>Reason</c> says why, in one line.</summary>
    public sealed record Refused(string Reason) : ForcedGcOutcome;
}
