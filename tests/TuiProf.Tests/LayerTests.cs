using System.Text.RegularExpressions;

namespace TuiProf.Tests;

/// <summary>
/// The layers can be named and stay apart: Core knows nothing of the UI, the UI's folders depend one way only
/// (Commands -> Tui -> Live -> Screen; Targets below them all), and Core's folders use each other without a cycle.
/// </summary>
public class LayerTests
{
    private static readonly string[] Order = ["Commands", "Tui", "Live", "Screen", "Targets"];

    [Fact]
    public void Core_references_no_ui_library_and_no_ui_assembly()
    {
        var references = typeof(Core.Timeline.Timeline).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Terminal.Gui", references);
        Assert.DoesNotContain("tuiprof", references);
        Assert.DoesNotContain("System.CommandLine", references);
    }

    [Fact]
    public void The_ui_folders_depend_on_each_other_one_way_only()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "TuiProf");
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var folder = Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar)[0];
            var rank = Array.IndexOf(Order, folder);
            if (rank < 0) continue;
            var text = File.ReadAllText(file);
            foreach (var above in Order[..rank])
                if (Regex.IsMatch(text, $@"using TuiProf\.{above};|\b{above}\.[A-Z]"))
                    wrong.Add($"{Path.GetRelativePath(source, file)} uses {above}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Cores_folders_use_each_other_without_a_cycle()
    {
        var uses = typeof(Core.Timeline.Timeline).Assembly.GetTypes()
            .SelectMany(user => TypeReferences.Of(user).Select(used => (User: user, Used: used)))
            .Where(u => Folder(u.User) is { } from && Folder(u.Used) is { } to && from != to)
            .ToList();
        var edges = uses.Select(u => (From: Folder(u.User)!, To: Folder(u.Used)!)).ToHashSet();
        bool Reaches(string from, string to, HashSet<string> seen) =>
            edges.Any(e => e.From == from && (e.To == to || (seen.Add(e.To) && Reaches(e.To, to, seen))));

        // An edge is on a cycle when its end leads back to its start; one example of each such use is named.
        var onCycles = uses.Where(u => Reaches(Folder(u.Used)!, Folder(u.User)!, []))
            .GroupBy(u => (Folder(u.User), Folder(u.Used)))
            .Select(g => $"{g.Key.Item1} -> {g.Key.Item2}: {g.First().User.FullName} uses {g.First().Used.FullName}")
            .Order().ToList();
        Assert.True(onCycles.Count == 0, $"uses on a cycle of folders:\n{string.Join("\n", onCycles)}");
    }

    /// <summary>The folder of Core a type is in (the namespace under TuiProf.Core); null for any other type.</summary>
    private static string? Folder(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("TuiProf.Core.", StringComparison.Ordinal) ? ns.Split('.')[2] : null;

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TuiProf.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("TuiProf.sln not found above the test assembly");
    }
}
