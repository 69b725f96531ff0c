using System.CommandLine;
using System.Diagnostics;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Heap;
using TuiProf.Core.Recording;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary><c>tuiprof record &lt;scenario | --pid N | -- command...&gt; --out FILE [--duration S]</c>: headless JSON Lines.</summary>
public static class RecordCommand
{
    private const string JsonLines = "jsonl";

    public static Command Create(IReadOnlyList<string> trailingCommand)
    {
        var scenario = new Argument<string?>("scenario") { Description = "A built-in scenario (see 'tuiprof scenarios')", Arity = ArgumentArity.ZeroOrOne };
        var pid = new Option<int?>("--pid") { Description = "Attach to a running .NET process instead" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The JSON Lines file to write", Required = true };
        var duration = NumericRange.Seconds(new Option<double?>("--duration", "-d")
        {
            Description = "Stop after this many seconds (default: when the target exits)",
        }, 0.001, TimeSpan.FromDays(7).TotalSeconds);
        var loop = new Option<bool>("--loop") { Description = "Repeat the scenario until stopped" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "jsonl (written as events arrive), or mprof, csv, json, chrome (written when recording ends; see 'export')",
            DefaultValueFactory = _ => JsonLines,
        };
        format.AcceptOnlyFromAmong([JsonLines, .. ExportFormats.Names]);
        var command = new Command("record", "Profile a target headless and write its timeline as JSON Lines")
        {
            scenario, pid, TargetOptions.DiagnosticPort, output, duration, loop, format,
        };
        SamplingOptions.AddTo(command);
        SnapshotOptions.AddTo(command);
        OtlpOptions.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var target = TargetParser.Parse(parse.GetValue(scenario), parse.GetValue(pid), trailingCommand, parse.GetValue(loop),
                parse.GetValue(TargetOptions.DiagnosticPort));
            var snapshots = SnapshotOptions.From(parse);
            return RunAsync(target, SamplingOptions.From(parse), parse.GetValue(output)!, parse.GetValue(format)!,
                parse.GetValue(duration), snapshots, OtlpOptions.From(parse), cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(TargetSpec target, SessionOptions options, FileInfo path, string format,
        double? duration, SnapshotRule? rule, OtlpCollector? collector, CancellationToken cancellation)
    {
        using var file = GuardedOutput.Create(path);
        // Only JSON Lines is written as events arrive; another format is written from the events when recording ends.
        var kept = format == JsonLines ? null : new MemoryRecording();
        using var writer = kept ?? (IRecordingWriter)new JsonLinesWriter(file);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (duration is { } seconds) stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        // Disposed last: what is still queued for the collector goes when the recording is done.
        using var otlp = collector?.Start(options.CounterInterval, withCommandLine: false);
        if (collector is not null) SafeConsole.Error(collector.Said);

        IReadOnlyList<string> summary;
        var failed = 0;
        var progress = Stopwatch.StartNew();
        var listening = target is TargetSpec.Port { Address: { Listen: true } address } && address.Problem() is null;
        if (listening) SafeConsole.Error($"tuiprof: waiting for a runtime started with DOTNET_DiagnosticPorts={target.DisplayName}");
        await using (var session = await StartAsync(target, options, listening ? stop.Token : cancellation, duration, cancellation))
        {
            var counts = new RecordingCounts(session.ProcessId);
            var snapshots = rule is null ? null : new TriggeredSnapshots(session, rule.Start(), path);
            var processes = new RecordedProcesses(session, target.DisplayName);
            Action<TimelineEvent>? export = otlp is null ? null : e => otlp.Observe(processes.Of(e), e);
            writer.WriteHeader(new RecordingHeader(target.DisplayName, session.ProcessId, session.OriginUtc));
            writer.Flush();
            try
            {
                var flushed = Stopwatch.StartNew();
                while (await session.Events.WaitToReadAsync(stop.Token))
                {
                    Drain(session, writer, counts, snapshots, export, flushed);
                    if (progress.Elapsed.TotalSeconds >= 1 && !Console.IsErrorRedirected)
                    {
                        SafeConsole.Progress(counts.Progress(session.Now));
                        progress.Restart();
                    }
                }
            }
            catch (OperationCanceledException) { /* duration reached or Ctrl-C: stop below, keep what arrived */ }
            catch (ProfilerException) when (!Console.IsErrorRedirected)
            {
                SafeConsole.ClearProgress();
                throw;
            }
            // A snapshot under way is let finish (a signal gives it less), for the session it needs.
            if (snapshots is not null)
            {
                await snapshots.FinishAsync().WaitAsync(cancellation.IsCancellationRequested ? SignalGrace : SnapshotGrace)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
                snapshots.GiveUp();
            }
            await session.DisposeAsync();
            Drain(session, writer, counts, snapshots, export);
            // A call still running (a test when 'record -- dotnet test' is stopped) is kept, up to the recording's end.
            foreach (var call in session.StillOpen().Select(open => open.Until(session.Now) with { Unfinished = true }))
                if (writer.Write(call)) counts.Add(call);
            writer.Flush();
            if (!Console.IsErrorRedirected) SafeConsole.ClearProgress();
            summary = counts.Summary(session.Now, path.FullName);
            // A program that failed on its own fails the command too, as under time or strace: 'tuiprof record --
            // dotnet test' in a pipeline must not turn red tests green. One that TuiProf ended (-d, Ctrl-C) does not.
            if (!stop.IsCancellationRequested && counts.TargetExitCode is { } code and not 0)
            {
                summary = [.. summary, $"{target.DisplayName} exited with code {code}"];
                failed = code;
            }
        }
        if (kept is not null)
        {
            using var text = new StreamWriter(file);
            ExportFormats.Write(format, text, kept.Recording);
        }
        // Only now, once the file is written: a write that failed must not read as a recording made.
        foreach (var line in summary) SafeConsole.Error(line);
        return failed;
    }

    /// <summary>Waiting for a runtime to connect counts toward the duration: nobody connecting is one line, exit 1.</summary>
    private static async Task<ProfilingSession> StartAsync(TargetSpec target, SessionOptions options, CancellationToken stop,
        double? duration, CancellationToken signal)
    {
        try
        {
            return await target.StartAsync(options, stop);
        }
        catch (OperationCanceledException) when (!signal.IsCancellationRequested)
        {
            throw new ProfilerException($"no runtime connected to {target.DisplayName} within {duration:0.###} s");
        }
    }

    private static readonly TimeSpan SnapshotGrace = TimeSpan.FromSeconds(15), SignalGrace = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At most every <see cref="FlushPeriod"/> while recording, for a reader following the file (<c>tuiprof view</c>):
    /// the events are read as they are written, a few at a time, and flushing each drain took a system call per
    /// allocation sample at 90 000 samples a second.
    /// </summary>
    private static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(100);

    /// <param name="flushed">Since the last flush; null to flush now (the end).</param>
    private static void Drain(ProfilingSession session, IRecordingWriter writer, RecordingCounts counts, TriggeredSnapshots? snapshots,
        Action<TimelineEvent>? export, Stopwatch? flushed = null)
    {
        while (session.Events.TryRead(out var e))
        {
            if (writer.Write(e)) counts.Add(e);
            snapshots?.Observe(e);
            export?.Invoke(e);
        }
        foreach (var notice in snapshots?.Notices() ?? [])
            if (writer.Write(notice)) counts.Add(notice);
        if (flushed is not null && flushed.Elapsed < FlushPeriod) return;
        writer.Flush();
        flushed?.Restart();
    }
}
