using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace TuiProf.Commands;

/// <summary>
/// The range of a numeric option, stated in its help and checked as the parser reads the value, so before anything is
/// launched: NaN, an infinity, a value out of range or no number at all is one line that names the option, the value
/// and the range (exit 2).
/// </summary>
public static class NumericRange
{
    /// <summary>A number of seconds from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static Option<double?> Seconds(Option<double?> option, double min, double max) =>
        Ranged(option, r => Parse(r, min, max, NumberStyles.Float, SecondsRange(min, max)), SecondsRange(min, max));

    /// <inheritdoc cref="Seconds(Option{double?},double,double)"/>
    public static Option<double> Seconds(Option<double> option, double min, double max) =>
        Ranged(option, r => Parse(r, min, max, NumberStyles.Float, SecondsRange(min, max)) ?? min, SecondsRange(min, max));

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static Option<int?> Count(Option<int?> option, int min, int max) =>
        Ranged(option, r => Parse(r, min, max, NumberStyles.Integer, CountRange(min, max)), CountRange(min, max));

    /// <inheritdoc cref="Count(Option{int?},int,int)"/>
    public static Option<int> Count(Option<int> option, int min, int max) =>
        Ranged(option, r => Parse(r, min, max, NumberStyles.Integer, CountRange(min, max)) ?? min, CountRange(min, max));

    private static string SecondsRange(double min, double max) => $"from {Text(min)} to {Text(max)} seconds";

    private static string CountRange(int min, int max) => $"a whole number from {Text(min)} to {Text(max)}";

    /// <summary>The parser reads the value (one it rejects is never used), and the help states the range.</summary>
    private static Option<T> Ranged<T>(Option<T> option, Func<ArgumentResult, T?> parse, string range)
    {
        option.CustomParser = parse;
        option.Description = $"{option.Description} [{range}]";
        return option;
    }

    private static T? Parse<T>(ArgumentResult r, T min, T max, NumberStyles styles, string range) where T : struct, INumber<T>
    {
        var token = r.Tokens[^1].Value;
        // NaN fails both comparisons; an infinity, one of them.
        if (T.TryParse(token, styles, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        r.AddError($"{(r.Parent as OptionResult)?.Option.Name} must be {range}, not '{token}'");
        return null;
    }

    private static string Text<T>(T value) where T : INumber<T> => value.ToString(null, CultureInfo.InvariantCulture);
}
