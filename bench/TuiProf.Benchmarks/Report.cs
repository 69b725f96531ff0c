namespace TuiProf.Benchmarks;

/// <summary>One row of the results table: a figure, what was measured, the target and whether it was met.</summary>
public sealed record Row(string Figure, string Measured, string Target, bool? Met);

/// <summary>The results as a Markdown table, printed row by row as figures are measured.</summary>
public static class Report
{
    public static void PrintHeader()
    {
        Console.WriteLine("| figure | measured | target | met |");
        Console.WriteLine("|---|---|---|---|");
    }

    public static void Print(IEnumerable<Row> rows)
    {
        foreach (var r in rows)
            Console.WriteLine($"| {r.Figure} | {r.Measured} | {r.Target} | {(r.Met is null ? "-" : r.Met.Value ? "yes" : "NO")} |");
    }
}
