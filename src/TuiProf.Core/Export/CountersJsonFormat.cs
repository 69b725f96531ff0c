using System.Text.Json;
using TuiProf.Core.Recording;

namespace TuiProf.Core.Export;

/// <summary>
/// The shape of <c>dotnet-counters collect --format json</c>: <c>{ "TargetProcess", "StartTime", "Events": [ {
/// "timestamp", "provider", "name", "tags", "counterType", "value" } ] }</c>, with ISO 8601 UTC times.
/// </summary>
public static class CountersJsonFormat
{
    public static void Write(TextWriter output, RecordingFile recording)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("TargetProcess", recording.Header?.Target ?? "");
            json.WriteString("StartTime", recording.Header?.OriginUtc ?? DateTime.UnixEpoch);
            json.WriteStartArray("Events");
            foreach (var row in CounterRows.From(recording))
            {
                json.WriteStartObject();
                json.WriteString("timestamp", row.TimestampUtc);
                json.WriteString("provider", row.Provider);
                json.WriteString("name", row.Name);
                json.WriteString("tags", "");
                json.WriteString("counterType", "Metric");
                json.WriteNumber("value", row.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.Write('\n');
    }
}
