using System.CommandLine;
using System.Diagnostics;
using TuiProf.Core.Diagnostics;
using TuiProf.Core.Recording;
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
        var duration = new Option<double?>("--duration", "-d") { Description = "Stop after this many seconds (default: when the target exits)" };
        var loop = new Option<bool>("--loop") { Description = "Repeat the scenario until stopped" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "jsonl (written as events arrive), or mprof, csv, json, chrome (written when recording ends; see 'export')",
            DefaultValueFactory = _ => JsonLines,
        };
        format.AcceptOnlyFromAmong([JsonLines, .. ExportFormats.Names]);
        duration.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is <= 0) r.AddError("--duration must be a positive number of seconds");
        });
        var command = new Command("record", "Profile a target headless and write its timeline as JSON Lines")
        {
            scenario, pid, TargetOptions.DiagnosticPort, output, duration, loop, format,
        };
        SamplingOptions.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var target = TargetParser.Parse(parse.GetValue(scenario), parse.GetValue(pid), trailingCommand, parse.GetValue(loop),
                parse.GetValue(TargetOptions.DiagnosticPort));
            return RunAsync(target, SamplingOptions.From(parse), parse.GetValue(output)!, parse.GetValue(format)!,
                parse.GetValue(duration), cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(TargetSpec target, SessionOptions options, FileInfo path, string format,
        double? duration, CancellationToken cancellation)
    {
        using var file = OutputFile.Create(path);
        // Only JSON Lines is written as events arrive; another format is converted from a JSON Lines journal at the end.
        using var journal = format == JsonLines ? null : new MemoryStream();
        using var writer = new JsonLinesWriter(journal ?? (Stream)file);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (duration is { } seconds) stop.CancelAfter(TimeSpan.FromSeconds(seconds));

        var progress = Stopwatch.StartNew();
        if (target is TargetSpec.Port { Address: { Listen: true } address } port && address.Problem() is null)
            Console.Error.WriteLine($"tuiprof: waiting for a runtime started with DOTNET_DiagnosticPorts={port.Address.Path}");
        await using (var session = await target.StartAsync(options, cancellation))
        {
            var counts = new RecordingCounts(session.ProcessId);
            writer.WriteHeader(new RecordingHeader(target.DisplayName, session.ProcessId, session.OriginUtc));
            writer.Flush();
            try
            {
                while (await session.Events.WaitToReadAsync(stop.Token))
                {
                    Drain(session, writer, counts);
                    if (progress.Elapsed.TotalSeconds >= 1 && !Console.IsErrorRedirected)
                    {
                        Console.Error.Write($"\r{counts.Progress(session.Now)}   ");
                        progress.Restart();
                    }
                }
            }
            catch (OperationCanceledException) { /* duration reached or Ctrl-C: stop below, keep what arrived */ }
            await session.DisposeAsync();
            Drain(session, writer, counts);
            if (!Console.IsErrorRedirected) Console.Error.Write('\r');
            Console.Error.WriteLine(counts.Summary(session.Now, path.FullName));
        }
        if (journal is not null)
        {
            journal.Position = 0;
            var recording = JsonLinesReader.Read(new StreamReader(journal));
            using var text = new StreamWriter(file);
            ExportFormats.Write(format, text, recording);
        }
        return 0;
    }

    private static void Drain(ProfilingSession session, JsonLinesWriter writer, RecordingCounts counts)
    {
        while (session.Events.TryRead(out var e))
            if (writer.Write(e)) counts.Add(e);
        writer.Flush();
    }
}
