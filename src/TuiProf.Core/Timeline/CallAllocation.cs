using System.Globalization;

namespace TuiProf.Core.Timeline;

/// <summary>
/// The bytes one call allocated on its thread between its start and stop, estimated from allocation samples.
/// <see cref="Error"/> is the ± bound (three standard errors: the truth lies inside it 997 times in 1 000); null when
/// the samples were the runtime's fixed 100 KB ticks, which say nothing of how sure they are and favour the types that
/// happen to cross each 100 KB mark.
/// </summary>
public sealed record CallAllocation(long Bytes, long? Error)
{
    /// <summary>How many standard errors the bound spans.</summary>
    public const double Deviations = 3;

    public bool IsBiased => Error is null;

    /// <summary><c>24.0 MB +/-0.6</c> (ASCII, for any terminal), or <c>~24.0 MB biased</c> from ticks.</summary>
    public string Text => Error is { } error
        ? string.Create(CultureInfo.InvariantCulture, $"{Bytes / 1e6:0.0} MB +/-{error / 1e6:0.0}")
        : string.Create(CultureInfo.InvariantCulture, $"~{Bytes / 1e6:0.0} MB biased");

    /// <summary>
    /// The mean of calls' figures, its bound from the sum of their variances: null when none of them has one; biased
    /// when any is.
    /// </summary>
    public static CallAllocation? MeanOf(IReadOnlyCollection<CallAllocation> calls)
    {
        if (calls.Count == 0) return null;
        var bytes = calls.Sum(c => (double)c.Bytes) / calls.Count;
        var error = calls.Any(c => c.IsBiased) ? (double?)null : Math.Sqrt(calls.Sum(c => (double)c.Error!.Value * c.Error.Value)) / calls.Count;
        return new CallAllocation((long)Math.Round(bytes), error is { } e ? (long)Math.Ceiling(e) : null);
    }
}
