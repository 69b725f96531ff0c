using TuiProf.Core.Heap;
using TuiProf.Core.Sources;

namespace TuiProf.Screen;

/// <summary>The top allocating call sites (method and type, with the bytes their samples stand for), cut to a width.</summary>
public static class AllocationSitePanel
{
    public static IReadOnlyList<string> Lines(string title, IReadOnlyList<SiteTotal> sites, int width)
    {
        if (sites.Count == 0) return [HeapPanel.Cut("no allocation samples with stacks yet", width)];
        var lines = new List<string> { HeapPanel.Cut(title, width), HeapPanel.Cut($"{"bytes",10} {"samples",8}  type <- call site", width) };
        lines.AddRange(sites.Select(s => HeapPanel.Cut($"{HeapPanel.Size(s.Bytes),10} {s.Samples,8:N0}  {s.TypeName} <- {s.Site}", width)));
        return lines;
    }
}
