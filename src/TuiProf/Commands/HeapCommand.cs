using System.CommandLine;
using System.Text.Json;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Sources;
using TuiProf.Screen;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>
/// <c>tuiprof heap &lt;target&gt; [--top N] [--format text|json] [--diff SECONDS] [--path TYPE]</c>: what is on the
/// heap, per type; with --diff, what grew between two snapshots; and what keeps a type alive.
/// </summary>
public static class HeapCommand
{
    private const string Text = "text";
    private const string Json = "json";
    private const int TextWidth = 160;

    public static Command Create(IReadOnlyList<string> trailingCommand)
    {
        var scenario = new Argument<string?>("scenario") { Description = "A built-in scenario (see 'tuiprof scenarios')", Arity = ArgumentArity.ZeroOrOne };
        var pid = new Option<int?>("--pid") { Description = "Snapshot a running .NET process instead" };
        var top = new Option<int>("--top") { Description = "How many types to list (default 20)", DefaultValueFactory = _ => 20 };
        var format = new Option<string>("--format", "-f") { Description = "text, or json for scripts", DefaultValueFactory = _ => Text };
        format.AcceptOnlyFromAmong(Text, Json);
        var diff = new Option<double?>("--diff") { Description = "Take a second snapshot this many seconds later and show what grew" };
        var path = new Option<string?>("--path") { Description = "The type whose retention paths to show (default: the top grower, or the largest type)" };
        var allocations = new Option<bool>("--allocations") { Description = "Also sample allocations with their stacks and list the top call sites while it runs" };
        var wait = new Option<double>("--wait") { Description = "Seconds a launched target runs before the first snapshot (default 2)", DefaultValueFactory = _ => 2 };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() <= 0) r.AddError("--top must be a positive number"); });
        diff.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is <= 0) r.AddError("--diff must be a positive number of seconds"); });
        wait.Validators.Add(r => { if (r.GetValueOrDefault<double>() < 0) r.AddError("--wait must not be negative"); });
        var command = new Command("heap", "Snapshot a target's GC heap: types by size, what grew (--diff), what keeps them alive")
        {
            scenario, pid, TargetOptions.DiagnosticPort, top, format, diff, path, wait, allocations,
        };
        command.SetAction((parse, cancellation) =>
        {
            var target = TargetParser.Parse(parse.GetValue(scenario), parse.GetValue(pid), trailingCommand, loop: true,
                parse.GetValue(TargetOptions.DiagnosticPort));
            return RunAsync(target, new Request(parse.GetValue(top), parse.GetValue(format)!, parse.GetValue(diff),
                parse.GetValue(path), target is TargetSpec.Process or TargetSpec.Port { Address.Listen: false } ? 0 : parse.GetValue(wait), parse.GetValue(allocations)),
                cancellation);
        });
        return command;
    }

    private sealed record Request(int Top, string Format, double? DiffSeconds, string? PathType, double WaitSeconds,
        bool Allocations);

    private static async Task<int> RunAsync(TargetSpec target, Request request, CancellationToken cancellation)
    {
        // The target is reached as every command reaches it; the snapshots need only its DiagnosticsClient.
        await using var session = await target.StartAsync(new SessionOptions { SamplePeriod = null }, cancellation);
        var discard = Task.Run(async () =>
        {
            await foreach (var _ in session.Events.ReadAllAsync(CancellationToken.None)) { }
        }, CancellationToken.None);
        var runtime = session.Runtime(); // a PID's socket or a diagnostic port alike
        var snapshotter = new HeapSnapshotter(runtime);
        var samples = new System.Collections.Concurrent.ConcurrentQueue<AllocationSite>();
        var sites = request.Allocations
            ? await AllocationSiteSession.StartAsync(runtime, session.OriginUtc, e => samples.Enqueue((AllocationSite)e), cancellation)
            : null;

        await Task.Delay(TimeSpan.FromSeconds(request.WaitSeconds), cancellation);
        var first = await Take(snapshotter, session, cancellation);
        HeapDiff? diff = null;
        HeapSnapshotTaken? second = null;
        if (request.DiffSeconds is { } seconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), cancellation);
            second = await Take(snapshotter, session, cancellation);
            diff = HeapDiff.Between(first.Snapshot.WithoutGraph(), second.Snapshot);
        }
        if (sites is not null) await sites.DisposeAsync();
        var topSites = sites is null ? null : AllocationSites.Top(samples, request.Top);
        var last = diff?.After ?? first.Snapshot;
        var pathType = request.PathType ?? last.TopGrowerOrLargest(diff);
        var paths = pathType is null ? null : last.PathsTo(pathType);
        if (request.PathType is { } asked && paths is null)
            Console.Error.WriteLine($"tuiprof: no live instances of '{asked}' in the snapshot");

        // The snapshot's cost to TuiProf itself: the most memory this process ever held (VmHWM).
        var peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
        if (request.Format == Json) WriteJson(target, session, first, diff, paths, topSites, request.Top, peak);
        else WriteText(first, second, diff, paths, topSites, request.Top, peak);
        await session.DisposeAsync();
        await discard;
        return 0;
    }

    private static async Task<HeapSnapshotTaken> Take(HeapSnapshotter snapshotter, ProfilingSession session,
        CancellationToken cancellation)
    {
        var asked = session.Now;
        return new HeapSnapshotTaken(asked, await snapshotter.TakeAsync(cancellation));
    }

    private static void WriteText(HeapSnapshotTaken first, HeapSnapshotTaken? second, HeapDiff? diff,
        RetentionReport? paths, IReadOnlyList<SiteTotal>? sites, int top, long peak)
    {
        var lines = new List<string>(HeapPanel.Snapshot(first.Snapshot, $"{first.T:0.0} s", top, TextWidth));
        if (second is not null && diff is not null)
        {
            lines.Add("");
            lines.AddRange(HeapPanel.Snapshot(second.Snapshot, $"{second.T:0.0} s", 0, TextWidth).Take(2));
            lines.AddRange(HeapPanel.Diff(diff, top, TextWidth));
        }
        if (paths is not null)
        {
            lines.Add("");
            lines.AddRange(HeapPanel.Paths(paths, TextWidth));
        }
        if (sites is not null)
        {
            lines.Add("");
            lines.AddRange(AllocationSitePanel.Lines("top allocation call sites (sampled about every 100 KB)", sites, TextWidth));
        }
        lines.Add("");
        lines.Add($"tuiprof's own peak memory: {HeapPanel.Size(peak)}");
        foreach (var line in lines) Console.WriteLine(line);
    }

    private static void WriteJson(TargetSpec target, ProfilingSession session, HeapSnapshotTaken first, HeapDiff? diff,
        RetentionReport? paths, IReadOnlyList<SiteTotal>? sites, int top, long peak)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var j = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteString("target", target.DisplayName);
            j.WriteNumber("pid", session.ProcessId);
            j.WriteNumber("tuiprofPeakBytes", peak);
            j.WriteStartObject("snapshot");
            HeapJson.WriteSnapshot(j, first.Snapshot, top);
            j.WriteEndObject();
            if (diff is not null)
            {
                j.WriteStartObject("second");
                HeapJson.WriteSnapshot(j, diff.After, top);
                j.WriteEndObject();
                j.WriteStartObject("diff");
                HeapJson.WriteDiff(j, diff, top);
                j.WriteEndObject();
            }
            if (paths is not null)
            {
                j.WriteStartObject("retention");
                HeapJson.WritePaths(j, paths);
                j.WriteEndObject();
            }
            if (sites is not null) HeapJson.WriteSites(j, "allocationSites", sites);
            j.WriteEndObject();
        }
        stdout.Write("\n"u8);
    }
}
