namespace TuiProf.Benchmarks;

/// <summary>
/// One figure taken for a subject and a reference in the same rounds (round i of each side by side), shown as
/// min/median/max of each, the ratio of the medians and the spread of the rounds' own ratios. Met when the ratio
/// of medians is at most <see cref="MaxRatio"/>, or the subject's median at most <see cref="MaxSubject"/>.
/// </summary>
public sealed record SideBySide(string Figure, string Unit, string Subject, string Reference, string Target = "-", double? MaxRatio = null, double? MaxSubject = null)
{
    public List<double> SubjectValues { get; } = [];
    public List<double> ReferenceValues { get; } = [];

    public void Add(double subject, double reference)
    {
        SubjectValues.Add(subject);
        ReferenceValues.Add(reference);
    }

    public Row ToRow()
    {
        if (SubjectValues.Count == 0) return new Row(Figure, "no rounds", Target, null);
        var ratio = Stats.Median(SubjectValues) / Stats.Median(ReferenceValues);
        var rounds = SubjectValues.Zip(ReferenceValues, (s, r) => s / r).ToList();
        return new Row($"{Figure} ({SubjectValues.Count} rounds)",
            $"{Subject} {Spread(SubjectValues)}; {Reference} {Spread(ReferenceValues)}; " +
            $"ratio {Format(ratio)}x (rounds {Format(rounds.Min())}-{Format(rounds.Max())}x)",
            Target, Met(ratio));
    }

    private bool? Met(double ratio) =>
        MaxRatio is { } maxRatio ? ratio <= maxRatio : MaxSubject is { } maxSubject ? Stats.Median(SubjectValues) <= maxSubject : null;

    /// <summary>min / median / max with the unit.</summary>
    private string Spread(IReadOnlyList<double> values) =>
        $"{Format(values.Min())} / {Format(Stats.Median(values))} / {Format(values.Max())} {Unit}";

    /// <summary>Three significant figures or so, whatever the scale.</summary>
    private static string Format(double value) =>
        double.IsNaN(value) ? "-" : Math.Abs(value) switch { >= 100 => $"{value:0}", >= 10 => $"{value:0.0}", _ => $"{value:0.00}" };
}
