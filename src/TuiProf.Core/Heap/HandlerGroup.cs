namespace TuiProf.Core.Heap;

/// <summary>
/// Delegates of one type whose targets, of one type, keep much alive: the shape of an event that is subscribed to and
/// never unsubscribed (the <c>leak</c> scenario's, dotMemory's "event handlers" inspection). A target is what a
/// delegate references that is neither a delegate nor an array (a multicast delegate's invocation list); each target
/// counts once however many handlers point at it, with what it alone retains.
/// </summary>
public sealed record HandlerGroup(string DelegateType, string TargetType, int Handlers, int Targets, long TargetsRetained)
{
    /// <summary>Less than this is the program's ordinary callbacks, not worth a line.</summary>
    public const long MinRetained = 1_000_000;

    /// <summary>The heaviest groups first, those whose targets retain <see cref="MinRetained"/> or more.</summary>
    public static IReadOnlyList<HandlerGroup> Find(HeapGraph graph, long[] retained, int count = 5)
    {
        var groups = new Dictionary<(int Delegate, int Target), (int Handlers, HashSet<int> Targets)>();
        for (var d = 0; d < graph.ObjectCount; d++)
        {
            if (!graph.DelegateTypes.Contains(graph.TypeOf[d])) continue;
            for (var e = graph.EdgeStart[d]; e < graph.EdgeStart[d + 1]; e++)
            {
                var target = graph.Edges[e];
                var type = graph.TypeOf[target];
                if (graph.DelegateTypes.Contains(type) || graph.TypeNames[type].EndsWith(']')) continue;
                var key = (graph.TypeOf[d], type);
                if (!groups.TryGetValue(key, out var group)) groups[key] = group = (0, []);
                group.Targets.Add(target);
                groups[key] = (group.Handlers + 1, group.Targets);
            }
        }
        return groups
            .Select(g => new HandlerGroup(graph.TypeNames[g.Key.Delegate], graph.TypeNames[g.Key.Target], g.Value.Handlers,
                g.Value.Targets.Count, g.Value.Targets.Sum(t => retained[t])))
            .Where(g => g.TargetsRetained >= MinRetained)
            .OrderByDescending(g => g.TargetsRetained).ThenBy(g => g.DelegateType, StringComparer.Ordinal).ThenBy(g => g.TargetType, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
