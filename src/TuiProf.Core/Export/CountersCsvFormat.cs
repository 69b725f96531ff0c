using System.Globalization;
using TuiProf.Core.Recording;

namespace TuiProf.Core.Export;

/// <summary>
/// The columns of <c>dotnet-counters collect --format csv</c> (Timestamp, Provider, Counter Name, Counter Type,
/// Mean/Increment), one row per reading. Timestamps are ISO 8601 UTC, not dotnet-counters' local-culture format,
/// so any tool parses them.
/// </summary>
public static class CountersCsvFormat
{
    public static void Write(TextWriter output, RecordingFile recording)
    {
        output.Write("Timestamp,Provider,Counter Name,Counter Type,Mean/Increment\n");
        foreach (var row in CounterRows.From(recording))
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{row.TimestampUtc:yyyy-MM-ddTHH:mm:ss.fffZ},{row.Provider},{Quote(row.Name)},Metric,{row.Value:0.######}\n"));
    }

    private static string Quote(string text) => text.Contains(',') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
