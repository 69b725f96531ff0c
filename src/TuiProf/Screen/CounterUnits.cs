using System.Globalization;

namespace TuiProf.Screen;

/// <summary>
/// A counter's value with its unit, by the runtime's counter naming: sizes in bytes, rates per second (the parser
/// turns increments into rates), percentages. An unknown counter (a program's own) is shown as a bare number.
/// </summary>
public static class CounterUnits
{
    public static string Format(string name, double value)
    {
        var counter = name[(name.LastIndexOf('/') + 1)..];
        return counter switch
        {
            "alloc-rate" => Invariant($"{value / 1e6:#,0.0} MB/s"),
            "time-in-gc" or "cpu-usage" or "gc-fragmentation" => Invariant($"{value:0.0} %"),
            "working-set" or "gc-heap-size" or "gc-committed" => Invariant($"{value:#,0.0} MB"),
            "time-in-jit" => Invariant($"{value:#,0.0} ms"),
            _ when counter.EndsWith("-size") || counter.EndsWith("-bytes-jitted") => Invariant($"{value / 1e6:#,0.0} MB"),
            _ => Invariant($"{value:#,0.###}"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
