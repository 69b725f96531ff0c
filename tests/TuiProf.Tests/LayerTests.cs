using System.Text.RegularExpressions;

namespace TuiProf.Tests;

/// <summary>
/// The layers can be named and stay apart: Core knows nothing of the UI, and the UI's folders depend one way only
/// (Commands -> Tui -> Live -> Screen; Targets below them all).
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TuiProf.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("TuiProf.sln not found above the test assembly");
    }
}
