using System.Globalization;
using TuiProf.Core.Recording;

namespace TuiProf.Core.Export;

/// <summary>
/// <c>dotnet-counters collect --format csv</c>: <c>Timestamp,Provider,Counter Name,Counter Type,Mean/Increment</c>,
/// a row per reading, written as dotnet-counters writes it: the timestamp as local time in the current culture to the
/// second (<c>11/25/2026 15:17:16</c> under the invariant culture), tags in brackets after the name with ';' for ','.
/// The JSON export has the sub-second ISO 8601 times.
/// </summary>
public static class CountersCsvFormat
{
    public static void Write(TextWriter output, RecordingFile recording)
    {
        output.Write("Timestamp,Provider,Counter Name,Counter Type,Mean/Increment\n");
        foreach (var row in CounterRows.From(recording))
        {
            var name = row.Tags.Length == 0 ? row.Name : $"{row.Name}[{row.Tags.Replace(',', ';')}]";
            output.Write($"{row.TimestampUtc.ToLocalTime().ToString(CultureInfo.CurrentCulture)},{Field(row.Provider)},{Field(name)}," +
                         $"{row.CounterType},{row.Value.ToString(CultureInfo.InvariantCulture)}\n");
        }
    }

    /// <summary>dotnet-counters never quotes (its names have no commas); a provider's own counter name might.</summary>
    private static string Field(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
