namespace TuiProf.Core.Heap;

/// <summary>
/// Immediate dominators of a heap graph (Cooper, Harvey and Kennedy's iterative algorithm over reverse postorder),
/// from a virtual root above every GC root. An object's retained size is what the GC would free if only the
/// references to it went away: itself and everything it dominates.
/// </summary>
internal static class Dominators
{
    /// <summary>
    /// <c>idom[i]</c> for every object (the virtual root is index <c>ObjectCount</c>) and its postorder number.
    /// Objects no root reaches hang off the virtual root, so every object has one.
    /// </summary>
    public static (int[] Idom, int[] Postorder) Compute(HeapGraph graph)
    {
        var n = graph.ObjectCount;
        var root = n;
        var postorder = new int[n + 1];
        var byPostorder = new int[n + 1];
        Array.Fill(postorder, -1);
        var next = 0;
        var stackNode = new int[n + 1];
        var stackEdge = new int[n + 1];
        var unrootedStart = graph.RootTargets.Length;
        var extra = new List<int>(); // objects reached from no root: children of the virtual root as well

        // Depth-first from the virtual root: its successors are the roots' objects, then any still unvisited.
        var depth = 0;
        stackNode[0] = root;
        stackEdge[0] = 0;
        postorder[root] = int.MaxValue; // on the stack
        var scan = 0;
        while (true)
        {
            while (depth >= 0)
            {
                var node = stackNode[depth];
                var successor = NextSuccessor(node, ref stackEdge[depth]);
                if (successor < 0)
                {
                    postorder[node] = next;
                    byPostorder[next++] = node;
                    depth--;
                }
                else if (postorder[successor] == -1)
                {
                    postorder[successor] = int.MaxValue;
                    depth++;
                    stackNode[depth] = successor;
                    stackEdge[depth] = 0;
                }
            }
            while (scan < n && postorder[scan] != -1) scan++;
            if (scan == n) break;
            // Reopen the virtual root with one more successor; it gets its final number at the very end.
            extra.Add(scan);
            next--; // the root's number is handed out again below
            depth = 0;
            stackNode[0] = root;
            stackEdge[0] = unrootedStart + extra.Count - 1;
        }

        var preds = Predecessors(graph, extra);
        var idom = new int[n + 1];
        Array.Fill(idom, -1);
        idom[root] = root;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var k = n - 1; k >= 0; k--) // reverse postorder, the root (numbered last) excluded
            {
                var node = byPostorder[k];
                var best = -1;
                for (var p = preds.Start[node]; p < preds.Start[node + 1]; p++)
                {
                    var pred = preds.Items[p];
                    if (idom[pred] == -1) continue;
                    best = best == -1 ? pred : Intersect(pred, best);
                }
                if (idom[node] != best)
                {
                    idom[node] = best;
                    changed = true;
                }
            }
        }
        return (idom, postorder);

        int NextSuccessor(int node, ref int position)
        {
            if (node == root)
            {
                while (position < unrootedStart + extra.Count)
                {
                    var target = position < unrootedStart ? graph.RootTargets[position] : extra[position - unrootedStart];
                    position++;
                    if (postorder[target] == -1) return target;
                }
                return -1;
            }
            var end = graph.EdgeStart[node + 1] - graph.EdgeStart[node];
            while (position < end)
            {
                var target = graph.Edges[graph.EdgeStart[node] + position++];
                if (postorder[target] == -1) return target;
            }
            return -1;
        }

        int Intersect(int a, int b)
        {
            while (a != b)
            {
                while (postorder[a] < postorder[b]) a = idom[a];
                while (postorder[b] < postorder[a]) b = idom[b];
            }
            return a;
        }
    }

    /// <summary>Each object's referrers (the virtual root for rooted and unrooted objects), as one flat array.</summary>
    private static (int[] Start, int[] Items) Predecessors(HeapGraph graph, List<int> unrooted)
    {
        var n = graph.ObjectCount;
        var start = new int[n + 2];
        foreach (var target in graph.Edges) start[target + 1]++;
        foreach (var target in graph.RootTargets) start[target + 1]++;
        foreach (var target in unrooted) start[target + 1]++;
        for (var i = 0; i <= n; i++) start[i + 1] += start[i];
        var fill = start[..^1].ToArray();
        var items = new int[start[n + 1]];
        for (var from = 0; from < n; from++)
            for (var e = graph.EdgeStart[from]; e < graph.EdgeStart[from + 1]; e++)
                items[fill[graph.Edges[e]]++] = from;
        foreach (var target in graph.RootTargets) items[fill[target]++] = n;
        foreach (var target in unrooted) items[fill[target]++] = n;
        return (start, items);
    }
}
