namespace TuiProf.Core.Heap;

/// <summary>Sums a heap graph per type: count, total size and retained size (from the dominator tree).</summary>
internal static class TypeTable
{
    /// <summary>Every type with live objects, largest total size first; <paramref name="retained"/> as <see cref="Retained"/> gives it.</summary>
    public static IReadOnlyList<HeapTypeStats> Compute(HeapGraph graph, int[] idom, long[] retained)
    {
        var n = graph.ObjectCount;
        var types = graph.TypeNames.Count;
        var count = new int[types];
        var bytes = new long[types];
        var retainedByType = new long[types];
        for (var i = 0; i < n; i++)
        {
            count[graph.TypeOf[i]]++;
            bytes[graph.TypeOf[i]] += graph.Size[i];
        }
        foreach (var (node, _) in OutermostOfTheirType(graph, idom))
            retainedByType[graph.TypeOf[node]] += retained[node];

        // Distinct type IDs can share a name (a type loaded twice, say): one line per name.
        return Enumerable.Range(0, types).Where(t => count[t] > 0)
            .GroupBy(t => graph.TypeNames[t], StringComparer.Ordinal)
            .Select(g => new HeapTypeStats(g.Key, g.Sum(t => count[t]), g.Sum(t => bytes[t]), g.Sum(t => retainedByType[t])))
            .OrderByDescending(t => t.Bytes).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each object's immediate dominator (the root: index n) and retained size, what it alone keeps alive.</summary>
    public static (int[] Idom, long[] Retained) Retained(HeapGraph graph)
    {
        var n = graph.ObjectCount;
        var (idom, postorder) = Dominators.Compute(graph);
        var retained = new long[n + 1];
        var byPostorder = new int[n + 1];
        for (var i = 0; i <= n; i++) byPostorder[postorder[i]] = i;
        for (var i = 0; i < n; i++) retained[i] = graph.Size[i];
        // A dominator comes later in postorder than every object it dominates: one pass pushes sizes up.
        for (var k = 0; k < n; k++)
        {
            var node = byPostorder[k];
            retained[idom[node]] += retained[node];
        }
        return (idom, retained);
    }

    /// <summary>
    /// The objects with no object of their own type above them in the dominator tree: summing their retained sizes
    /// counts a linked list's nodes once, not once per node.
    /// </summary>
    private static IEnumerable<(int Node, int Type)> OutermostOfTheirType(HeapGraph graph, int[] idom)
    {
        var n = graph.ObjectCount;
        var childStart = new int[n + 2];
        for (var i = 0; i < n; i++) childStart[idom[i] + 1]++;
        for (var i = 0; i <= n; i++) childStart[i + 1] += childStart[i];
        var fill = childStart[..^1].ToArray();
        var children = new int[n];
        for (var i = 0; i < n; i++) children[fill[idom[i]]++] = i;

        var onPath = new int[graph.TypeNames.Count];
        var stackNode = new int[n + 1];
        var stackNext = new int[n + 1];
        var depth = 0;
        stackNode[0] = n;
        stackNext[0] = childStart[n];
        while (depth >= 0)
        {
            var node = stackNode[depth];
            if (stackNext[depth] < childStart[node + 1])
            {
                var child = children[stackNext[depth]++];
                var type = graph.TypeOf[child];
                if (onPath[type] == 0) yield return (child, type);
                onPath[type]++;
                depth++;
                stackNode[depth] = child;
                stackNext[depth] = childStart[child];
            }
            else
            {
                if (node != n) onPath[graph.TypeOf[node]]--;
                depth--;
            }
        }
    }
}
