using System.CommandLine;
using TuiProf.Commands;
using TuiProf.Core.Targets;
using TuiProf.Targets;

// Everything after a bare "--" is the command to profile, kept apart so its options never reach our parser.
var split = Array.IndexOf(args, "--");
var ours = split < 0 ? args : args[..split];
IReadOnlyList<string> trailing = split < 0 ? [] : args[(split + 1)..];

using var signals = StopSignals.Register();
var root = new RootCommand("""
    TuiProf: a live memory profiler for .NET in the terminal.

    Programs as you start them (every .NET process of the command is found and resumed at once; see --follow):
      tuiprof run -- dotnet run --project App          your app, not the build that precedes it
      tuiprof record -o t.jsonl -- dotnet test         the testhost, your tests' activities as brackets
      tuiprof record -o b.jsonl -- dotnet build        the build itself (MSBuild's main node)
    A container or another PID namespace: share the program's TMPDIR (e.g. -v /tmp/app:/tmp), where its socket is
      tuiprof run --diagnostic-port /tmp/app,connect
    A program that connects to us (DOTNET_DiagnosticPorts=/tmp/tp.sock; it waits, paused, until TuiProf resumes it):
      tuiprof run --diagnostic-port /tmp/tp.sock
    A remote or mobile process: run dotnet-dsrouter and give its socket with --diagnostic-port PATH,connect.
    """)
{
    RecordCommand.Create(trailing),
    PlotCommand.Create(),
    ExportCommand.Create(),
    ScenariosCommand.Create(),
    PsCommand.Create(),
    TopCommand.Create(),
    ServeCommand.Create(),
    HeapCommand.Create(trailing, signals),
};
TuiCommands.AddTo(root, trailing);

// .NET's console leaves a terminal's keys in application mode once used on it: every way out puts them back.
try
{
    ParseResult parse;
    try
    {
        parse = root.Parse(ours);
    }
    catch (InvalidOperationException e) // a validator reading a value the parser could not convert
    {
        return Fail(2, CommandLineHints.Explain(e.Message, root) + " (see 'tuiprof --help')");
    }
    var misplaced = CommandLineHints.OursAfterDashDash(root, trailing);
    if (parse.Errors.Count > 0)
        return Fail(2, CommandLineHints.Explain(parse.Errors[0].Message, root).TrimEnd('.') + (misplaced is null ? "" : $"; {misplaced}") +
                       " (see 'tuiprof --help')");
    if (misplaced is not null)
        SafeConsole.Error($"tuiprof: note: {misplaced}");
    try
    {
        // Signals are StopSignals' alone: the parser's own handling (SIGINT and SIGTERM only) is off.
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
            signals.Token);
    }
    catch (OperationCanceledException) when (signals.Received is not null) // stopped before it had anything to keep
    {
        return Fail(signals.ExitCode, $"stopped by {signals.ReceivedName}");
    }
    catch (UsageException e)
    {
        return Fail(2, $"{e.Message} (see 'tuiprof --help')");
    }
    catch (ProfilerException e)
    {
        return Fail(1, e.Message);
    }
}
finally
{
    SafeConsole.RestoreKeys();
}

static int Fail(int code, string message)
{
    // One line, whatever the parser's message looks like (its lists of choices come one per line).
    var line = string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    SafeConsole.Error($"tuiprof: {line}");
    return code;
}
