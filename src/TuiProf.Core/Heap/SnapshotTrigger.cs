using System.Globalization;
using System.Text.RegularExpressions;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Heap;

/// <summary>
/// When to take a heap snapshot on its own: <c>heap&gt;2GB</c> (the GC heap, as the counters read it), <c>rss&gt;1.5GB</c>
/// (the process's resident memory), or <c>gen2-growth&gt;50MB/10min</c> (what the heap keeps after gen-2 GCs grew by,
/// from the first gen-2 GC of the last 10 minutes to the latest: a leak, where a high heap may only be a busy moment).
/// Sizes in B, KB, MB or GB (powers of 1000, as the screen prints them); windows in s, min or h. Checked on each
/// reading of the target's own process; a growth condition keeps the gen-2 readings of its window.
/// </summary>
public sealed partial class SnapshotTrigger
{
    public const string Spelling = "heap>SIZE, rss>SIZE or gen2-growth>SIZE/WINDOW, SIZE with B, KB, MB or GB, WINDOW with s, min or h (heap>2GB, gen2-growth>50MB/10min)";

    private readonly Queue<(double T, long HeapAfter)> _gen2 = new();

    private SnapshotTrigger(string measure, long bytes, TimeSpan? window) => (Measure, Bytes, Window) = (measure, bytes, window);

    public string Measure { get; }

    public long Bytes { get; }

    /// <summary>The span a growth is measured over; null for a level.</summary>
    public TimeSpan? Window { get; }

    public string Text => Window is { } window
        ? $"{Measure}>{Bytes / 1e6:0.#}MB/{window.TotalMinutes:0.##}min"
        : $"{Measure}>{Bytes / 1e6:0.#}MB";

    /// <summary>The condition spelled <paramref name="text"/>; a FormatException says what is wrong in one line.</summary>
    public static SnapshotTrigger Parse(string text)
    {
        var match = Condition().Match(text.Replace(" ", ""));
        if (!match.Success)
            throw new FormatException($"'{text}' is not a snapshot condition: write {Spelling}");
        var measure = match.Groups["measure"].Value.ToLowerInvariant();
        var window = match.Groups["window"].Success ? ParseWindow(match.Groups["window"].Value) : (TimeSpan?)null;
        return measure switch
        {
            "heap" or "rss" when window is null => new SnapshotTrigger(measure, ParseSize(match.Groups["size"].Value), null),
            "heap" or "rss" => throw new FormatException($"'{measure}' is a level and takes no window: write {measure}>SIZE"),
            "gen2-growth" when window is not null => new SnapshotTrigger(measure, ParseSize(match.Groups["size"].Value), window),
            "gen2-growth" => throw new FormatException("gen2-growth needs a window: write gen2-growth>SIZE/WINDOW (gen2-growth>50MB/10min)"),
            _ => throw new FormatException($"'{measure}' is not a measure a snapshot can wait for: write {Spelling}"),
        };
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

    private static TimeSpan ParseWindow(string text)
    {
        var match = Duration().Match(text);
        if (!match.Success)
            throw new FormatException($"'{text}' is not a window: write a number with s, min or h (10min)");
        var seconds = double.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture) *
                      match.Groups["unit"].Value.ToLowerInvariant() switch { "min" => 60, "h" => 3600, _ => 1 };
        if (seconds is < 1 or > 7 * 86_400)
            throw new FormatException($"'{text}': a window must be from 1 s to 7 days");
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// The reading that makes the condition hold at <paramref name="e"/>, or null: a sample's heap or RSS above the
    /// size, or a gen-2 GC whose heap after it is more than the size above the first gen-2 GC's of the window.
    /// </summary>
    public long? HeldBy(TimelineEvent e)
    {
        switch (e)
        {
            case MemorySample sample when Window is null:
                return (Measure == "heap" ? sample.Heap : sample.Rss) is { } value && value > Bytes ? value : null;
            case GcEvent { Generation: 2, HeapAfter: { } after } gc when Window is { } window:
                while (_gen2.Count > 0 && _gen2.Peek().T < gc.T - window.TotalSeconds) _gen2.Dequeue();
                _gen2.Enqueue((gc.T, after));
                return after - _gen2.Peek().HeapAfter is var growth && growth > Bytes ? growth : null;
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^(?<measure>[A-Za-z0-9-]+)>(?<size>[^/]+)(/(?<window>.+))?$")]
    private static partial Regex Condition();

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<unit>B|KB|MB|GB)$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<unit>s|min|h)$", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();
}
