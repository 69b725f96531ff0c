using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace TuiProf.Commands;

/// <summary>
/// The range of a numeric option, stated in its help and checked as the parser reads the value, so before anything is
/// launched: NaN, an infinity, a value out of range or no number at all is one line that names the option, the value
/// and the range (exit 2).
/// </summary>
public static class NumericRange
{
    /// <summary>A number of seconds from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static Option<double?> Seconds(Option<double?> option, double min, double max)
    {
        option.CustomParser = r => ParseSeconds(r, min, max);
        return Stated(option, $"{Text(min)} to {Text(max)} s");
    }

    /// <inheritdoc cref="Seconds(Option{double?},double,double)"/>
    public static Option<double> Seconds(Option<double> option, double min, double max)
    {
        option.CustomParser = r => ParseSeconds(r, min, max) ?? min;
        return Stated(option, $"{Text(min)} to {Text(max)} s");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static Option<int?> Count(Option<int?> option, int min, int max)
    {
        option.CustomParser = r => ParseCount(r, min, max);
        return Stated(option, $"{min} to {max}");
    }

    /// <inheritdoc cref="Count(Option{int?},int,int)"/>
    public static Option<int> Count(Option<int> option, int min, int max)
    {
        option.CustomParser = r => ParseCount(r, min, max) ?? min;
        return Stated(option, $"{min} to {max}");
    }

    private static double? ParseSeconds(ArgumentResult r, double min, double max)
    {
        var token = r.Tokens[^1].Value;
        // NaN fails both comparisons; an infinity, the second.
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= min && seconds <= max)
            return seconds;
        r.AddError($"{NameOf(r)} must be from {Text(min)} to {Text(max)} seconds, not '{token}'");
        return null;
    }

    private static int? ParseCount(ArgumentResult r, int min, int max)
    {
        var token = r.Tokens[^1].Value;
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= min && count <= max)
            return count;
        r.AddError($"{NameOf(r)} must be a whole number from {min} to {max}, not '{token}'");
        return null;
    }

    private static TOption Stated<TOption>(TOption option, string range) where TOption : Option
    {
        option.Description = $"{option.Description} [{range}]";
        return option;
    }

    private static string NameOf(ArgumentResult r) => (r.Parent as OptionResult)?.Option.Name ?? "a number";

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
