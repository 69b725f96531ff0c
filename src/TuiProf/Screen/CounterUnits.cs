using System.Globalization;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen;

/// <summary>
/// A counter's value with the unit its EventSource gives it: bytes as MB, rates per second (the parser turns
/// increments into rates), percentages. A counter without a unit (a program's own) is shown as a bare number.
/// </summary>
public static class CounterUnits
{
    public static string Format(CounterReading reading)
    {
        var value = reading.Value;
        return (reading.Counter.Unit, reading.Counter.IsRate) switch
        {
            ("B", true) => Invariant($"{value / 1e6:#,0.0} MB/s"),
            ("B", false) => Invariant($"{value / 1e6:#,0.0} MB"),
            ("%", _) => Invariant($"{value:0.0} %"),
            ("", true) => Invariant($"{value:#,0.###}/s"),
            ("", false) => Invariant($"{value:#,0.###}"),
            (var unit, true) => Invariant($"{value:#,0.###} {unit}/s"),
            (var unit, false) => Invariant($"{value:#,0.###} {unit}"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
