using System.CommandLine;
using TuiProf.Scenarios;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary><c>tuiprof scenarios [NAME]</c>: the built-in scenarios, or one explained.</summary>
public static class ScenariosCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "Explain one scenario", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("scenarios", "List the built-in scenarios, or explain one") { name };
        command.SetAction(parse =>
        {
            if (parse.GetValue(name) is not { } wanted)
            {
                foreach (var s in ScenarioCatalog.All)
                    StandardOutput.Writer.WriteLine($"{s.Order}  {s.Name,-18} {s.Title}");
                return 0;
            }
            var info = ScenarioCatalog.Find(wanted)
                       ?? throw new UsageException($"unknown scenario '{wanted}' (known: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))})");
            StandardOutput.Writer.WriteLine($"{info.Name}: {info.Title}\n");
            StandardOutput.Writer.WriteLine($"What to look for (.NET): {info.LookFor}");
            if (info.Python is not null) StandardOutput.Writer.WriteLine($"\nWhat the Python post saw: {info.Python}");
            return 0;
        });
        return command;
    }
}
