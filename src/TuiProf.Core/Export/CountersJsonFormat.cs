using System.Globalization;
using System.Text.Json;
using TuiProf.Core.Recording;

namespace TuiProf.Core.Export;

/// <summary>
/// <c>dotnet-counters collect --format json</c>: <c>{ "TargetProcess", "StartTime", "Events": [ { "timestamp",
/// "provider", "name", "tags", "counterType", "meterTags", "instrumentTags", "value" } ] }</c>, times in ISO 8601
/// with their offset (<c>DateTime.ToString("O")</c>, as dotnet-counters writes them; here in UTC).
/// </summary>
public static class CountersJsonFormat
{
    public static void Write(TextWriter output, RecordingFile recording)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "+00:00", not "\u002B00:00"
               }))
        {
            json.WriteStartObject();
            json.WriteString("TargetProcess", recording.Header?.Target ?? "");
            json.WriteString("StartTime", Iso(recording.Header?.OriginUtc ?? DateTime.UnixEpoch));
            json.WriteStartArray("Events");
            foreach (var row in CounterRows.From(recording))
            {
                json.WriteStartObject();
                json.WriteString("timestamp", Iso(row.TimestampUtc));
                json.WriteString("provider", row.Provider);
                json.WriteString("name", row.Name);
                json.WriteString("tags", row.Tags);
                json.WriteString("counterType", row.CounterType);
                json.WriteString("meterTags", "");
                json.WriteString("instrumentTags", "");
                json.WriteNumber("value", row.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }

    private static string Iso(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
}
