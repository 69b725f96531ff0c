using System.Globalization;
using System.Text.Json;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Heap;

/// <summary>Snapshots, diffs, retention paths and allocation sites as JSON, for <c>tuiprof heap --format json</c>.</summary>
public static class HeapJson
{
    /// <summary>The snapshot's fields, into an object the caller has opened.</summary>
    public static void WriteSnapshot(Utf8JsonWriter j, HeapSnapshot s, int top)
    {
        j.WriteString("takenAt", s.TakenAtUtc.ToString("O", CultureInfo.InvariantCulture));
        j.WriteNumber("objects", s.ObjectCount);
        j.WriteNumber("bytes", s.TotalBytes);
        if (s.Incomplete is { } why) j.WriteString("incomplete", why);
        j.WriteNumber("gc", s.Cost.GcNumber);
        j.WriteNumber("pauseMs", Math.Round(s.Cost.PauseMs, 3));
        j.WriteNumber("dumpSeconds", Math.Round(s.Cost.DumpSeconds, 3));
        j.WriteNumber("analysisSeconds", Math.Round(s.Cost.AnalysisSeconds, 3));
        Objects(j, "types", s.Types.Take(top), t =>
        {
            j.WriteString("name", t.Name);
            j.WriteNumber("count", t.Count);
            j.WriteNumber("bytes", t.Bytes);
            j.WriteNumber("retained", t.Retained);
        });
        Objects(j, "handlers", s.Handlers, h =>
        {
            j.WriteString("delegateType", h.DelegateType);
            j.WriteString("targetType", h.TargetType);
            j.WriteNumber("handlers", h.Handlers);
            j.WriteNumber("targets", h.Targets);
            j.WriteNumber("targetsRetained", h.TargetsRetained);
        });
    }

    public static void WriteDiff(Utf8JsonWriter j, HeapDiff diff, int top)
    {
        j.WriteNumber("seconds", Math.Round(diff.Seconds, 3));
        j.WriteNumber("bytesDelta", diff.After.TotalBytes - diff.Before.TotalBytes);
        j.WriteNumber("objectsDelta", diff.After.ObjectCount - diff.Before.ObjectCount);
        Objects(j, "types", diff.Types.Take(top), t =>
        {
            j.WriteString("name", t.Name);
            j.WriteNumber("countDelta", t.CountDelta);
            j.WriteNumber("bytesDelta", t.BytesDelta);
            j.WriteNumber("count", t.CountAfter);
            j.WriteNumber("bytes", t.BytesAfter);
        });
    }

    public static void WritePaths(Utf8JsonWriter j, RetentionReport report)
    {
        j.WriteString("type", report.TypeName);
        j.WriteNumber("instances", report.InstanceCount);
        j.WriteNumber("sampled", report.Sampled);
        Objects(j, "paths", report.Paths, path =>
        {
            j.WriteNumber("instances", path.Instances);
            j.WriteNumber("bytes", path.Bytes);
            j.WriteString("rootKind", path.Root.Kind.ToString());
            if (path.Root.Class is { } owner) j.WriteString("class", owner);
            if (path.Root.Name is { } name) j.WriteString("field", name);
            if (path.Root.FieldType is { } type) j.WriteString("fieldType", type);
            Objects(j, "hops", path.Hops, hop =>
            {
                j.WriteString("type", hop.TypeName);
                if (hop.Repeat != 1) j.WriteNumber("repeat", hop.Repeat);
            });
        });
    }

    public static void WriteSites(Utf8JsonWriter j, string name, IEnumerable<SiteTotal> sites) =>
        Objects(j, name, sites, site =>
        {
            j.WriteString("site", site.Site);
            j.WriteString("typeName", site.TypeName);
            j.WriteNumber("bytes", site.Bytes);
            j.WriteNumber("samples", site.Samples);
        });

    private static void Objects<T>(Utf8JsonWriter j, string name, IEnumerable<T> items, Action<T> writeFields)
    {
        j.WriteStartArray(name);
        foreach (var item in items)
        {
            j.WriteStartObject();
            writeFields(item);
            j.WriteEndObject();
        }
        j.WriteEndArray();
    }
}
