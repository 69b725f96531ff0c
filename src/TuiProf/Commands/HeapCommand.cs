using System.CommandLine;
using System.Text.Json;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Sources;
using TuiProf.Core.Targets;
using TuiProf.Core.Text;
using TuiProf.Core.Timeline;
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

    public static Command Create(IReadOnlyList<string> trailingCommand, StopSignals signals)
    {
        var scenario = new Argument<string?>("scenario") { Description = "A built-in scenario (see 'tuiprof scenarios')", Arity = ArgumentArity.ZeroOrOne };
        var pid = new Option<int?>("--pid") { Description = "Snapshot a running .NET process instead" };
        var top = NumericRange.Count(new Option<int>("--top") { Description = "How many types to list (default 20)", DefaultValueFactory = _ => 20 }, 1, 10_000);
        var format = new Option<string>("--format", "-f") { Description = "text, or json for scripts", DefaultValueFactory = _ => Text };
        format.AcceptOnlyFromAmong(Text, Json);
        var diff = NumericRange.Seconds(new Option<double?>("--diff") { Description = "Take a second snapshot this many seconds later and show what grew" },
            0.001, TimeSpan.FromDays(1).TotalSeconds);
        var path = new Option<string?>("--path") { Description = "The type whose retention paths to show (default: the top grower, or the largest type)" };
        var allocations = new Option<bool>("--allocations") { Description = "Also sample allocations with their stacks and list the top call sites while it runs" };
        var wait = NumericRange.Seconds(new Option<double>("--wait") { Description = "Seconds a launched target runs before the first snapshot (default 2)", DefaultValueFactory = _ => 2 },
            0, TimeSpan.FromDays(1).TotalSeconds);
        var suspects = new Option<bool>("--suspects") { Description = "Take a series of snapshots (--every, --count) and rank the types that grew in every interval" };
        var every = NumericRange.Seconds(new Option<double>("--every") { Description = "Seconds between the snapshots of --suspects (default 10)", DefaultValueFactory = _ => 10 },
            0.001, TimeSpan.FromDays(1).TotalSeconds);
        var count = NumericRange.Count(new Option<int>("--count") { Description = "How many snapshots --suspects takes (default 3)", DefaultValueFactory = _ => 3 }, 2, 1000);
        var command = new Command("heap", "Snapshot a target's GC heap: types by size, what grew (--diff), what keeps them alive, what leaks (--suspects)")
        {
            scenario, pid, TargetOptions.DiagnosticPort, top, format, diff, path, wait, allocations, suspects, every, count,
        };
        command.SetAction((parse, cancellation) =>
        {
            // Said, not ignored: one snapshot taken where a series was meant reads as "nothing leaks".
            if (!parse.GetValue(suspects) && (parse.GetResult(every) is { Implicit: false } || parse.GetResult(count) is { Implicit: false }))
                throw new UsageException("--every and --count set the series of --suspects: give --suspects too");
            var target = TargetParser.Parse(parse.GetValue(scenario), parse.GetValue(pid), trailingCommand, loop: true,
                parse.GetValue(TargetOptions.DiagnosticPort));
            return RunAsync(target, new Request(parse.GetValue(top), parse.GetValue(format)!, parse.GetValue(diff),
                parse.GetValue(path), target is TargetSpec.Process or TargetSpec.Port { Address.Listen: false } ? 0 : parse.GetValue(wait), parse.GetValue(allocations),
                parse.GetValue(suspects) ? new HeapSuspects.Series(parse.GetValue(every), parse.GetValue(count)) : null),
                signals, cancellation);
        });
        return command;
    }

    private sealed record Request(int Top, string Format, double? DiffSeconds, string? PathType, double WaitSeconds,
        bool Allocations, HeapSuspects.Series? Suspects);

    /// <summary>A snapshot and when it was asked for, in seconds on the session's clock.</summary>
    private sealed record Taken(double T, HeapSnapshot Snapshot);

    /// <summary>
    /// A signal during the wait before the first snapshot ends the command with nothing taken (a dump of a large heap
    /// takes longer than a stop may). What ends the wait for the second (a signal, the target's exit) leaves the first printed, with why the second is
    /// missing. Exit code: 128 + the signal's number after a signal, 1 when the target exited first, else 0.
    /// </summary>
    private static async Task<int> RunAsync(TargetSpec target, Request request, StopSignals signals, CancellationToken cancellation)
    {
        // The target is reached as every command reaches it; the snapshots need only its DiagnosticsClient.
        await using var session = await target.StartAsync(new SessionOptions { SamplePeriod = null }, cancellation);
        var exited = new TaskCompletionSource<TargetExited>(TaskCreationOptions.RunContinuationsAsynchronously);
        var drain = Task.Run(async () =>
        {
            await foreach (var e in session.Events.ReadAllAsync(CancellationToken.None))
                if (e is TargetExited exit) exited.TrySetResult(exit);
        }, CancellationToken.None);
        var runtime = session.Runtime(); // a PID's socket or a diagnostic port alike
        var snapshotter = new HeapSnapshotter(runtime);
        var samples = new System.Collections.Concurrent.ConcurrentQueue<AllocationSite>();
        var sites = request.Allocations
            ? await AllocationSiteSession.StartAsync(runtime, session.OriginUtc, e => samples.Enqueue((AllocationSite)e), cancellation)
            : null;

        if (request.WaitSeconds > 0) SafeConsole.Error($"tuiprof: first snapshot in {request.WaitSeconds:0.###} s");
        var interrupted = await WaitAsync(request.WaitSeconds, exited.Task, session, signals, cancellation);
        if (exited.Task.IsCompleted) throw new ProfilerException($"no snapshot: {interrupted}");
        // A dump can take longer than a stop may: nothing is taken once the user asked to stop.
        cancellation.ThrowIfCancellationRequested();
        if (request.Suspects is { } series)
        {
            var stopped = await HeapSuspects.RunAsync(series, snapshotter, session,
                seconds => WaitAsync(seconds, exited.Task, session, signals, cancellation), request.Format == Json, request.Top);
            await session.DisposeAsync();
            await drain;
            return signals.Received is not null ? signals.ExitCode : stopped is not null ? 1 : 0;
        }
        var first = await Take(snapshotter, session, CancellationToken.None);
        HeapDiff? diff = null;
        Taken? second = null;
        if (request.DiffSeconds is { } seconds)
        {
            if (interrupted is null) SafeConsole.Error($"tuiprof: second snapshot in {seconds:0.###} s (Ctrl-C: the first alone)");
            interrupted ??= await WaitAsync(seconds, exited.Task, session, signals, cancellation);
            try
            {
                if (interrupted is null) second = await Take(snapshotter, session, CancellationToken.None);
            }
            catch (ProfilerException e) { interrupted = e.Message; } // the target exited mid-dump
            if (second is not null) diff = HeapDiff.Between(first.Snapshot.WithoutGraph(), second.Snapshot);
        }
        var notTaken = interrupted is not null && request.DiffSeconds is not null ? $"the second snapshot was not taken: {interrupted}" : null;
        if (sites is not null) await sites.DisposeAsync();
        var topSites = sites is null ? null : AllocationSites.Top(samples, request.Top);
        var last = diff?.After ?? first.Snapshot;
        var pathType = request.PathType ?? last.TopGrowerOrLargest(diff);
        var paths = pathType is null ? null : last.PathsTo(pathType);
        if (request.PathType is { } asked && paths is null)
            SafeConsole.Error($"tuiprof: no live instances of '{asked}' in the snapshot");

        // The snapshot's cost to TuiProf itself: the most memory this process ever held (VmHWM).
        var peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
        if (request.Format == Json) WriteJson(target, session, first, diff, notTaken, paths, topSites, request.Top, peak);
        else WriteText(first, second, diff, notTaken, paths, topSites, request.Top, peak);
        await session.DisposeAsync();
        await drain;
        return signals.Received is not null ? signals.ExitCode : notTaken is not null ? 1 : 0;
    }

    /// <summary>Waits <paramref name="seconds"/>; returns why the wait ended early (a signal, the target's exit), or null.</summary>
    private static async Task<string?> WaitAsync(double seconds, Task<TargetExited> exited, ProfilingSession session,
        StopSignals signals, CancellationToken cancellation)
    {
        var delay = Task.Delay(TimeSpan.FromSeconds(seconds), cancellation);
        if (await Task.WhenAny(delay, exited) == exited)
        {
            var exit = await exited;
            return $"the target exited{(exit.ExitCode is { } code ? $" (code {code})" : "")} at {exit.T:0.0} s";
        }
        return delay.IsCanceled ? $"stopped by {signals.ReceivedName} at {session.Now:0.0} s" : null;
    }

    private static async Task<Taken> Take(HeapSnapshotter snapshotter, ProfilingSession session,
        CancellationToken cancellation)
    {
        var asked = session.Now;
        return new Taken(asked, await snapshotter.TakeAsync(cancellation));
    }

    private static void WriteText(Taken first, Taken? second, HeapDiff? diff, string? notTaken,
        RetentionReport? paths, IReadOnlyList<SiteTotal>? sites, int top, long peak)
    {
        var lines = new List<string>(HeapPanel.Snapshot(first.Snapshot, $"{first.T:0.0} s", top, TextWidth));
        if (notTaken is not null) lines.AddRange(["", notTaken]);
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
        lines.Add($"tuiprof's own peak memory: {ByteSize.Text(peak)}");
        foreach (var line in lines) SafeConsole.WriteLine(line);
    }

    private static void WriteJson(TargetSpec target, ProfilingSession session, Taken first, HeapDiff? diff,
        string? notTaken, RetentionReport? paths, IReadOnlyList<SiteTotal>? sites, int top, long peak)
    {
        using var stdout = StandardOutput.OpenStream();
        using (var j = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteString("target", target.DisplayName);
            j.WriteNumber("pid", session.ProcessId);
            j.WriteNumber("tuiprofPeakBytes", peak);
            j.WriteStartObject("snapshot");
            HeapJson.WriteSnapshot(j, first.Snapshot, top);
            j.WriteEndObject();
            if (notTaken is not null) j.WriteString("secondNotTaken", notTaken);
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
