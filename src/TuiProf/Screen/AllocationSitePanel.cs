using TuiProf.Core.Heap;
using TuiProf.Core.Text;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen;

/// <summary>
/// The top allocating call sites (method and type, with the bytes their samples stand for). Where full names do not
/// fit, namespaces go first, then the samples column: at 80 columns a cut line read
/// <c>System.Int64[] &lt;- TuiProf.Scenario</c>, and the method, what the panel is for, was lost.
/// </summary>
public static class AllocationSitePanel
{
    public static IReadOnlyList<string> Lines(string title, IReadOnlyList<SiteTotal> sites, int width)
    {
        if (sites.Count == 0) return [HeapPanel.Cut("no allocation samples with stacks yet", width)];
        var layouts = new[] { (Short: false, Samples: true), (Short: true, Samples: true), (Short: true, Samples: false) };
        var rows = layouts.Select(layout => sites.Select(s => Row(s, layout.Short, layout.Samples)).ToList()).ToList();
        var chosen = Enumerable.Range(0, layouts.Length).FirstOrDefault(i => rows[i].All(r => r.Length <= width), layouts.Length - 1);
        var header = layouts[chosen].Samples ? $"{"bytes",10} {"samples",8}  type <- call site" : $"{"bytes",10}  type <- call site";
        return [HeapPanel.Cut(title, width), HeapPanel.Cut(header, width), .. rows[chosen].Select(r => HeapPanel.Cut(r, width))];
    }

    private static string Row(SiteTotal site, bool brief, bool samples)
    {
        var (type, method) = brief ? (LastSegments(site.TypeName, 1), LastSegments(site.Site, 2)) : (site.TypeName, site.Site);
        return samples
            ? $"{ByteSize.Text(site.Bytes),10} {site.Samples,8:N0}  {type} <- {method}"
            : $"{ByteSize.Text(site.Bytes),10}  {type} <- {method}";
    }

    /// <summary>The last <paramref name="count"/> dotted parts of a name, dots inside generic arguments not counted.</summary>
    private static string LastSegments(string name, int count)
    {
        var depth = 0;
        for (var i = name.Length - 1; i >= 0; i--)
        {
            if (name[i] == ']') depth++;
            else if (name[i] == '[') depth--;
            else if (name[i] == '.' && depth == 0 && --count == 0) return name[(i + 1)..];
        }
        return name;
    }
}
