using System.CommandLine;
using TuiProf.Targets;
using TuiProf.Tui;

namespace TuiProf.Commands;

/// <summary>The commands that open the live screen: bare <c>tuiprof</c>, <c>run</c> and <c>attach</c>.</summary>
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
        root.SetAction((parse, _) => TuiApp.RunAsync(null, SamplingOptions.From(parse), parse.GetValue(Ascii)));

        var scenario = new Argument<string?>("scenario") { Description = "A built-in scenario, or nothing and '-- command args...'", Arity = ArgumentArity.ZeroOrOne };
        var run = new Command("run", "Open the live screen on one scenario or command") { scenario };
        SamplingOptions.AddTo(run);
        run.SetAction((parse, _) => TuiApp.RunAsync(
            TargetParser.Parse(parse.GetValue(scenario), null, trailingCommand, loop: true), SamplingOptions.From(parse),
            parse.GetValue(Ascii)));
        root.Add(run);

        var pid = new Argument<int>("pid") { Description = "The process to attach to (see 'tuiprof ps')" };
        var attach = new Command("attach", "Open the live screen on a running .NET process") { pid };
        SamplingOptions.AddTo(attach);
        attach.SetAction((parse, _) => TuiApp.RunAsync(TargetParser.Parse(null, parse.GetValue(pid), [], loop: false),
            SamplingOptions.From(parse), parse.GetValue(Ascii)));
        root.Add(attach);
    }
}
