namespace TuiProf.Core.Sources;

/// <summary>The fields <see cref="Activities.PayloadSpec"/> asks for, read from DiagnosticSource's key/value list.</summary>
internal sealed record ActivityPayload(string? SpanId, string? ParentSpanId, long? StartTicks, long? DurationTicks)
{
    private const string NoParent = "0000000000000000";

    public static ActivityPayload Read(object? arguments)
    {
        var values = new Dictionary<string, string>();
        if (arguments is IEnumerable<object> pairs)
            foreach (var pair in pairs.OfType<IDictionary<string, object>>())
                if (pair.TryGetValue("Key", out var key) && pair.TryGetValue("Value", out var value))
                    values[key?.ToString() ?? ""] = value?.ToString() ?? "";

        var parent = values.GetValueOrDefault("ParentSpanId");
        return new ActivityPayload(
            values.GetValueOrDefault("SpanId"),
            string.IsNullOrEmpty(parent) || parent == NoParent ? null : parent,
            long.TryParse(values.GetValueOrDefault("StartTicks"), out var start) ? start : null,
            long.TryParse(values.GetValueOrDefault("DurationTicks"), out var duration) ? duration : null);
    }
}
