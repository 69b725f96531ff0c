using TuiProf.Core.Text;

namespace TuiProf.Screen;

/// <summary>
/// Word wrapping and cutting for panels, on the text as it is shown: what must not reach a terminal is spelled out
/// first (<see cref="SafeText"/>), so a line is measured with its placeholders.
/// </summary>
public static class TextBlock
{
    /// <summary>
    /// The text's lines at this width. The same texts are wrapped ten times a second (the panel's text, the status
    /// line): their lines are kept, a few dozen at most.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        if (Wrapped.Count > MaxWrapped) Wrapped.Clear();
        return Wrapped.GetOrAdd((text, width), key => WrapNow(key.Text, key.Width));
    }

    private const int MaxWrapped = 64;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, int Width), IReadOnlyList<string>> Wrapped = new();

    private static IReadOnlyList<string> WrapNow(string text, int width)
    {
        var lines = new List<string>();
        if (width <= 0) return lines;
        var line = "";
        foreach (var word in SafeText.Of(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (candidate.Length <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0) lines.Add(line);
            line = word;
            for (; line.Length > width; line = line[width..]) // a word wider than the line (a path) is broken, not cut
                lines.Add(line[..width]);
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    public static string Fit(string text, int width)
    {
        text = SafeText.Of(text);
        return width <= 0 ? "" : text.Length <= width ? text.PadRight(width) : text[..width];
    }

    /// <summary>Text as shown cut to a column, with a mark where it was cut.</summary>
    public static string Cut(string text, int width)
    {
        text = SafeText.Of(text);
        return text.Length <= width ? text : text[..(width - 1)] + "~";
    }

    public static string Megabytes(long? bytes) => bytes is { } b ? $"{b / 1e6:0.0} MB" : "-";
}
