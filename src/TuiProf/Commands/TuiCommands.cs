using System.CommandLine;
using TuiProf.Core.Targets;
using TuiProf.Targets;
using TuiProf.Tui;

namespace TuiProf.Commands;

/// <summary>The commands that open the live screen: bare <c>tuiprof</c>, <c>run</c>, <c>attach</c> and <c>view</c>.</summary>
public static class TuiCommands
{
    public static Option<bool> Ascii { get; } = new("--ascii")
    {
        Description = "Draw with plain ASCII (the default when the locale is not UTF-8)",
        Recursive = true,
    };

    public static void AddTo(RootCommand root, IReadOnlyList<string> trailingCommand)
    {
        root.Add(Ascii);
        SamplingOptions.AddTo(root);
        SnapshotOptions.AddTo(root);
        root.Add(TargetOptions.DiagnosticPort);
        // Bare, the built-in scenarios; with a port or '-- command', that target, as 'run' would (the command was
        // once ignored here, and the scenarios ran in its place).
        root.SetAction((parse, stop) => TuiApp.RunAsync(
            parse.GetValue(TargetOptions.DiagnosticPort) is { } port || trailingCommand.Count > 0
                ? TargetParser.Parse(null, null, trailingCommand, loop: false, parse.GetValue(TargetOptions.DiagnosticPort))
                : null,
            SamplingOptions.From(parse), parse.GetValue(Ascii), stop, snapshots: SnapshotOptions.From(parse)));

        var scenario = new Argument<string?>("scenario") { Description = "A built-in scenario, or nothing and '-- command args...'", Arity = ArgumentArity.ZeroOrOne };
        var run = new Command("run", "Open the live screen on one scenario, command or diagnostic port") { scenario, TargetOptions.DiagnosticPort };
        SamplingOptions.AddTo(run);
        SnapshotOptions.AddTo(run);
        run.SetAction((parse, stop) => TuiApp.RunAsync(
            TargetParser.Parse(parse.GetValue(scenario), null, trailingCommand, loop: true, parse.GetValue(TargetOptions.DiagnosticPort)),
            SamplingOptions.From(parse), parse.GetValue(Ascii), stop, snapshots: SnapshotOptions.From(parse)));
        root.Add(run);

        var pid = new Argument<int?>("pid") { Description = "The process to attach to (see 'tuiprof ps')", Arity = ArgumentArity.ZeroOrOne };
        var attach = new Command("attach", "Open the live screen on a running .NET process, by PID or diagnostic port") { pid, TargetOptions.DiagnosticPort };
        SamplingOptions.AddTo(attach);
        SnapshotOptions.AddTo(attach);
        attach.SetAction((parse, stop) =>
        {
            var target = TargetParser.Parse(null, parse.GetValue(pid), [], loop: false, parse.GetValue(TargetOptions.DiagnosticPort));
            // A PID that cannot be attached to is one line and exit 1, as with record, not a screen saying "failed".
            ScreenHost.EnsureTerminal();
            if (target is TargetSpec.Process process) AttachedTarget.EnsureAttachable(process.Pid);
            return TuiApp.RunAsync(target, SamplingOptions.From(parse), parse.GetValue(Ascii), stop, snapshots: SnapshotOptions.From(parse));
        });
        root.Add(attach);

        var file = new Argument<FileInfo>("file") { Description = "A recording of 'tuiprof record'" };
        var view = new Command("view", "Open the live screen on a recording, following it while it is written (re-open after an SSH drop)") { file };
        view.SetAction((parse, stop) => TuiApp.RunAsync(null, SamplingOptions.From(parse), parse.GetValue(Ascii), stop,
            recording: RecordingInput.Check(parse.GetValue(file)!)));
        root.Add(view);
    }
}
