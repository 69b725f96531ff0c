using System.Globalization;
using System.Text.RegularExpressions;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Heap;

/// <summary>
/// When to take a heap snapshot on its own: <c>heap&gt;2GB</c> (the GC heap, as the counters read it) or
/// <c>rss&gt;1.5GB</c> (the process's resident memory), sizes in B, KB, MB or GB (powers of 1000, as the screen prints
/// them). A condition is checked on each reading of the target's own process.
/// </summary>
public sealed partial record SnapshotTrigger(string Measure, long Bytes)
{
    public const string Spelling = "heap>SIZE or rss>SIZE, SIZE a number with B, KB, MB or GB (heap>2GB)";

    public string Text => $"{Measure}>{Bytes / 1e6:0.#}MB";

    /// <summary>The condition spelled <paramref name="text"/>; a FormatException says what is wrong in one line.</summary>
    public static SnapshotTrigger Parse(string text)
    {
        var match = Condition().Match(text.Replace(" ", ""));
        if (!match.Success)
            throw new FormatException($"'{text}' is not a snapshot condition: write {Spelling}");
        var measure = match.Groups["measure"].Value.ToLowerInvariant();
        if (measure is not ("heap" or "rss"))
            throw new FormatException($"'{measure}' is not a measure a snapshot can wait for: write {Spelling}");
        return new SnapshotTrigger(measure, ParseSize(match.Groups["size"].Value));
    }

    /// <summary>A size such as <c>2GB</c> or <c>512MB</c>, from 1 B to 1000000 GB.</summary>
    public static long ParseSize(string text)
    {
        var match = Size().Match(text.Trim());
        if (!match.Success)
            throw new FormatException($"'{text}' is not a size: write a number with B, KB, MB or GB (512MB)");
        var bytes = double.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture) *
                    match.Groups["unit"].Value.ToUpperInvariant() switch { "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, _ => 1 };
        if (bytes is < 1 or > 1e15)
            throw new FormatException($"'{text}': a size must be from 1 B to 1000000 GB");
        return (long)bytes;
    }

    /// <summary>The reading that makes the condition hold, or null: the sample's heap or RSS above the size.</summary>
    public long? HeldBy(MemorySample sample) => (Measure == "heap" ? sample.Heap : sample.Rss) is { } value && value > Bytes ? value : null;

    [GeneratedRegex(@"^(?<measure>[A-Za-z0-9-]+)>(?<size>.+)$")]
    private static partial Regex Condition();

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<unit>B|KB|MB|GB)$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
