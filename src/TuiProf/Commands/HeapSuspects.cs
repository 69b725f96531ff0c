using System.Text.Json;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Targets;
using TuiProf.Core.Text;
using TuiProf.Screen;

namespace TuiProf.Commands;

/// <summary>
/// <c>tuiprof heap --suspects [--every S] [--count N]</c>: N snapshots S seconds apart, and the types that grew in
/// every interval (<see cref="LeakSuspects"/>). Only the last snapshot keeps its graph, for the paths.
/// </summary>
internal static class HeapSuspects
{
    public sealed record Series(double EverySeconds, int Count);

    private const double ExitGrace = 1;

    /// <summary>Takes the series and writes the report; returns why it stopped early (the target exited, a signal), or null.</summary>
    /// <param name="wait">Waits the given seconds; returns why the wait ended early, or null.</param>
    public static async Task<string?> RunAsync(Series series, HeapSnapshotter snapshotter, ProfilingSession session,
        Func<double, Task<string?>> wait, bool json, int top)
    {
        var snapshots = new List<HeapSnapshot>();
        string? stopped = null;
        for (var i = 0; i < series.Count && stopped is null; i++)
        {
            if (i > 0)
            {
                SafeConsole.Error($"tuiprof: snapshot {i + 1} of {series.Count} in {series.EverySeconds:0.###} s (Ctrl-C: the {i} taken)");
                if ((stopped = await wait(series.EverySeconds)) is not null) break;
            }
            try
            {
                var snapshot = await snapshotter.TakeAsync(CancellationToken.None);
                if (snapshots.Count > 0) snapshots[^1] = snapshots[^1].WithoutGraph();
                snapshots.Add(snapshot);
            }
            catch (ProfilerException e) when (snapshots.Count > 0)
            {
                // Died or stopped mid-dump. A target that exited as it was asked fails the request before its exit
                // is seen: a moment's wait says which.
                stopped = await wait(ExitGrace) ?? e.Message;
            }
        }
        var suspects = LeakSuspects.Rank(snapshots, top);
        var seconds = (snapshots[^1].TakenAtUtc - snapshots[0].TakenAtUtc).TotalSeconds;
        var taken = $"{snapshots.Count} snapshots in {seconds:0.0} s (heap {ByteSize.Text(snapshots[0].TotalBytes)} -> {ByteSize.Text(snapshots[^1].TotalBytes)})";
        var why = stopped is null ? null : $"the series stopped after {snapshots.Count} of {series.Count} snapshots: {stopped}";
        if (json) WriteJson(session, snapshots, suspects, why);
        else WriteText(taken, suspects, why);
        return stopped;
    }

    private static void WriteText(string taken, IReadOnlyList<LeakSuspect> suspects, string? why)
    {
        if (why is not null) SafeConsole.WriteLine(why);
        if (suspects.Count == 0)
            SafeConsole.WriteLine($"no leak suspects over {taken}: no type grew in every interval by {ByteSize.Text(LeakSuspects.MinGrowth)} or more");
        else SafeConsole.WriteLine($"leak suspects over {taken}, the fastest first:");
        for (var i = 0; i < suspects.Count; i++)
            SafeConsole.WriteLine($"{i + 1,3}. {suspects[i].Type}: {suspects[i].Verdict}");
    }

    private static void WriteJson(ProfilingSession session, IReadOnlyList<HeapSnapshot> snapshots, IReadOnlyList<LeakSuspect> suspects, string? why)
    {
        using var stdout = StandardOutput.OpenStream();
        using (var j = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteNumber("pid", session.ProcessId);
            if (why is not null) j.WriteString("stopped", why);
            j.WriteStartArray("snapshots");
            foreach (var s in snapshots)
            {
                j.WriteStartObject();
                j.WriteString("takenAtUtc", s.TakenAtUtc);
                j.WriteNumber("objects", s.ObjectCount);
                j.WriteNumber("bytes", s.TotalBytes);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteStartArray("suspects");
            foreach (var s in suspects)
            {
                j.WriteStartObject();
                j.WriteString("type", s.Type);
                j.WriteNumber("bytesPerMinute", Math.Round(s.BytesPerMinute));
                j.WriteNumber("countGrowth", s.CountGrowth);
                j.WriteNumber("bytesGrowth", s.BytesGrowth);
                if (s.PathText is { } path) j.WriteString("path", path);
                j.WriteString("verdict", s.Verdict);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }
        stdout.Write("\n"u8);
    }
}
