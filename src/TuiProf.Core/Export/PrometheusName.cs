using System.Text;

namespace TuiProf.Core.Export;

/// <summary>
/// An OpenTelemetry metric's name as Prometheus' own conversion renders it (OpenTelemetry's Prometheus compatibility
/// spec, "underscore escaping with suffixes"): characters a Prometheus name cannot hold become <c>_</c>, the unit is
/// appended as a word, and a monotonic counter ends in <c>_total</c>.
/// </summary>
public static class PrometheusName
{
    /// <param name="unit">UCUM, as the semantic conventions write it: <c>By</c>, <c>s</c>, <c>%</c>, <c>{collection}</c>.</param>
    public static string Of(string name, string unit, bool monotonicCounter)
    {
        var rendered = Escape(name);
        var word = UnitWord(unit);
        if (word.Length > 0 && !rendered.EndsWith($"_{word}", StringComparison.Ordinal)) rendered += $"_{word}";
        return monotonicCounter ? rendered + "_total" : rendered;
    }

    /// <summary>An attribute's name as a label: <c>dotnet.gc.heap.generation</c> → <c>dotnet_gc_heap_generation</c>.</summary>
    public static string Escape(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return text.Length > 0 && char.IsAsciiDigit(text[0]) ? "_" + text : text.ToString();
    }

    /// <summary>The word for a unit; annotations in braces (<c>{collection}</c>) name no unit and are dropped.</summary>
    private static string UnitWord(string unit) => unit switch
    {
        "By" => "bytes",
        "s" => "seconds",
        "ms" => "milliseconds",
        "%" => "percent",
        _ when unit.StartsWith('{') => "",
        _ => Escape(unit),
    };
}
