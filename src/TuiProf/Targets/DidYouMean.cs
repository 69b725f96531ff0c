namespace TuiProf.Targets;

/// <summary>The known word a mistyped one was most likely meant to be: at most a third of its letters off.</summary>
public static class DidYouMean
{
    public static string? Closest(string typed, IEnumerable<string> known) =>
        known.Select(word => (word, distance: Distance(typed.ToLowerInvariant(), word.ToLowerInvariant())))
            .Where(x => x.distance <= Math.Max(1, x.word.Length / 3))
            .OrderBy(x => x.distance)
            .Select(x => x.word)
            .FirstOrDefault();

    /// <summary>" (did you mean 'x'?)", or nothing when no known word is close.</summary>
    public static string Hint(string typed, IEnumerable<string> known) =>
        Closest(typed, known) is { } word ? $"; did you mean '{word}'?" : "";

    /// <summary>Edits (insert, delete, replace, swap two neighbours) from one word to the other.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
