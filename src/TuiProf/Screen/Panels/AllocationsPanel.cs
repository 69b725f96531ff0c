using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;

namespace TuiProf.Screen.Panels;

/// <summary>
/// The types that allocated most, from allocation samples: the session's, then, if room is left, the last call's.
/// Under them (PgDn), with --call-sites, who allocated them: the top call sites in view, from the sampled stacks.
/// </summary>
public sealed class AllocationsPanel : IPanel
{
    private const int TopTypes = 10;

    public string ShortName => "allocs";

    public string Title(DashboardFrame frame) => "Allocations by type (sampled every ~100 KB)";

    /// <summary>
    /// The types fill the first page and the call sites, once there are some, begin the next with their title:
    /// where the types ended mid-page, the title could end one page and the top site begin the next.
    /// </summary>
    public IReadOnlyList<(string Text, CellRole Role)> Lines(DashboardFrame frame, int width, int rows)
    {
        var timeline = frame.Sources.Timeline;
        var types = timeline.TopAllocations(TopTypes);
        var sites = timeline.TopCallSites(frame.Window.Start, frame.Window.End, TopTypes);
        var lines = Types(timeline, types, rows);
        if (sites.Count > 0) lines.AddRange(Enumerable.Repeat(("", CellRole.Muted), Math.Max(0, rows - lines.Count)));
        if (types.Count == 0) return lines;
        if (sites.Count == 0) return [.. lines, ("no call sites in view: sampled with --call-sites", CellRole.Muted)];
        lines.AddRange(AllocationSitePanel.Lines("call sites in view (type <- method)", sites, width).Select(l => (l, CellRole.Label)));
        return lines;
    }

    private static List<(string, CellRole)> Types(Timeline timeline, IReadOnlyList<TypeAllocation> session, int rows)
    {
        if (session.Count == 0) return [("no allocation samples: start tuiprof with --allocations", CellRole.Muted)];
        var call = timeline.RecentBrackets(1) is [var last] ? last : null;
        var own = call is null ? [] : timeline.TopAllocations(call.T, call.End, TopTypes);
        var sessionRows = own.Count == 0 ? rows - 1 : Math.Max(2, (rows - 2) / 2);
        var lines = new List<(string, CellRole)> { ("whole session", CellRole.Muted) };
        lines.AddRange(session.Take(sessionRows).Select(Line));
        if (call is not null && own.Count > 0 && lines.Count + 2 <= rows)
        {
            lines.Add(($"last call: {call.Name} at {call.T:0.0}s", CellRole.Muted));
            lines.AddRange(own.Take(rows - lines.Count).Select(Line));
        }
        return lines;
    }

    private static (string, CellRole) Line(TypeAllocation type) => ($"{TextBlock.Megabytes(type.Bytes),10}  {type.TypeName}", CellRole.Label);
}
