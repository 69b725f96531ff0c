namespace TuiProf.Core.Heap;

/// <summary>
/// Finds, for a sample of one type's instances, the shortest path from a root (breadth-first, static fields tried first, so a
/// named root wins when there is one) and groups the instances by the path's shape,
/// the paths holding the most bytes first.
/// </summary>
public static class RetentionPaths
{
    private const int SampleSize = 1000;
    private const int MaxHops = 64;
    private const string Folded = "...";

    public static RetentionReport? For(HeapGraph graph, string typeName, int maxPaths = 3)
    {
        var type = Enumerable.Range(0, graph.TypeNames.Count).FirstOrDefault(t => graph.TypeNames[t] == typeName, -1);
        if (type < 0) return null;
        var tree = ShortestPathTree(graph);
        var instances = 0;
        var groups = new Dictionary<string, RetentionPath>();
        for (var i = 0; i < graph.ObjectCount; i++)
        {
            if (graph.TypeOf[i] != type) continue;
            if (instances++ >= SampleSize) continue;
            var path = PathTo(graph, tree, i);
            // How many hops were folded away near the root varies from instance to instance: not part of the shape.
            var key = path.Root + "|" + string.Join('|', path.Hops.Select(h => h.TypeName == Folded ? Folded : $"{h.TypeName}*{h.Repeat}"));
            groups[key] = groups.TryGetValue(key, out var g)
                ? g with { Instances = g.Instances + 1, Bytes = g.Bytes + path.Bytes }
                : path;
        }
        if (instances == 0) return null;
        var paths = groups.Values.OrderByDescending(g => g.Bytes).ThenByDescending(g => g.Instances).Take(maxPaths).ToList();
        return new RetentionReport(typeName, instances, Math.Min(instances, SampleSize), paths);
    }

    /// <summary>
    /// <c>Parent[i]</c>: the object that first reached <c>i</c>, or <c>-2 - r</c> for root <c>r</c>, or -1 if none
    /// did; <c>Root[i]</c>: the root it was reached from; <c>Depth[i]</c>: its distance from it.
    /// </summary>
    private sealed record Tree(int[] Parent, int[] Root, int[] Depth);

    private static Tree ShortestPathTree(HeapGraph graph)
    {
        var parent = new int[graph.ObjectCount];
        var rootOf = new int[graph.ObjectCount];
        var depth = new int[graph.ObjectCount];
        Array.Fill(parent, -1);
        var queue = new int[graph.ObjectCount];
        int head = 0, tail = 0;
        for (var r = 0; r < graph.RootTargets.Length; r++)
        {
            var target = graph.RootTargets[r];
            if (parent[target] != -1) continue;
            parent[target] = -2 - r;
            rootOf[target] = r;
            queue[tail++] = target;
        }
        while (head < tail)
        {
            var node = queue[head++];
            for (var e = graph.EdgeStart[node]; e < graph.EdgeStart[node + 1]; e++)
            {
                var target = graph.Edges[e];
                if (parent[target] != -1) continue;
                parent[target] = node;
                rootOf[target] = rootOf[node];
                depth[target] = depth[node] + 1;
                queue[tail++] = target;
            }
        }
        return new Tree(parent, rootOf, depth);
    }

    /// <summary>The path to one instance; past <see cref="MaxHops"/> objects the ones nearest the root fold into "...".</summary>
    private static RetentionPath PathTo(HeapGraph graph, Tree tree, int instance)
    {
        if (tree.Parent[instance] == -1) return new RetentionPath(new HeapRoot(RootKind.Unrooted), [Hop(graph, instance)], 1, graph.Size[instance]);
        var chain = new List<int>();
        for (var node = instance; node >= 0 && chain.Count < MaxHops; node = tree.Parent[node]) chain.Add(node);
        chain.Reverse();
        var hops = new List<PathHop>();
        var skipped = tree.Depth[instance] + 1 - chain.Count;
        if (skipped > 0) hops.Add(new PathHop(Folded, skipped));
        foreach (var step in chain)
        {
            var name = Hop(graph, step).TypeName;
            if (hops.Count > 0 && hops[^1].TypeName == name) hops[^1] = hops[^1] with { Repeat = hops[^1].Repeat + 1 };
            else hops.Add(new PathHop(name));
        }
        return new RetentionPath(graph.Roots[tree.Root[instance]], hops, 1, graph.Size[instance]);
    }

    private static PathHop Hop(HeapGraph graph, int node) => new(graph.TypeNames[graph.TypeOf[node]]);
}
