using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace TuiProf.Core.Heap;

/// <summary>
/// Collects the runtime's bulk heap-dump events into chunked buffers, then resolves references from addresses to
/// object indices. Objects and their references arrive as two streams in the same order (object <c>i</c>'s
/// references follow object <c>i - 1</c>'s), so they pair up by counting.
/// </summary>
internal sealed class HeapGraphBuilder(HeapLimits limits)
{
    private readonly ChunkedBuffer<ulong> _addresses = new();
    private readonly ChunkedBuffer<uint> _sizes = new();
    private readonly ChunkedBuffer<int> _types = new();
    private readonly ChunkedBuffer<int> _edgeCounts = new();
    private readonly ChunkedBuffer<ulong> _edges = new();
    private readonly Dictionary<ulong, int> _typeIndex = [];
    private readonly List<string?> _typeNames = [];
    private readonly Dictionary<int, (int Token, string Name)> _bareTypes = [];
    private readonly HashSet<int> _delegateTypes = [];
    private readonly List<(ulong Address, HeapRoot Root)> _roots = [];
    private readonly List<(ulong Address, int Type, string Field)> _statics = [];
    private long _acceptedEdges;

    public int ObjectCount => _addresses.Count;

    /// <summary>Why the graph is not the whole heap (a limit was reached), or null.</summary>
    public string? Truncated { get; private set; }

    public void OnTypes(GCBulkTypeTraceData data)
    {
        for (var i = 0; i < data.Count; i++)
        {
            var type = data.Values(i);
            var index = TypeIndex(type.TypeID);
            _typeNames[index] = type.TypeName;
            if (IsBare(type.TypeName)) _bareTypes[index] = ((int)type.TypeNameID, type.TypeName);
            if ((type.Flags & TypeFlags.Delegate) != 0) _delegateTypes.Add(index);
        }
    }

    /// <summary>The types the dump named without namespace or outer class (nested ones): type index to metadata token and name.</summary>
    public IReadOnlyDictionary<int, (int Token, string Name)> BareTypes => _bareTypes;

    private static bool IsBare(string name) => name.Length > 0 && name.IndexOfAny(['.', '+', '[', '`']) < 0;

    public void OnObjects(GCBulkNodeTraceData data)
    {
        for (var i = 0; i < data.Count && Truncated is null; i++)
        {
            var node = data.Values(i);
            if (_addresses.Count >= limits.MaxObjects || _acceptedEdges + node.EdgeCount > limits.MaxReferences)
            {
                Truncated = $"cut at {_addresses.Count:N0} objects / {_acceptedEdges:N0} references (TuiProf's limit)";
                return;
            }
            _addresses.Add(node.Address);
            _sizes.Add((uint)Math.Min(node.Size, uint.MaxValue));
            _types.Add(TypeIndex(node.TypeID));
            _edgeCounts.Add((int)node.EdgeCount);
            _acceptedEdges += node.EdgeCount;
        }
    }

    public void OnReferences(GCBulkEdgeTraceData data)
    {
        // References of objects past the limit are not needed; the bound keeps memory flat either way.
        for (var i = 0; i < data.Count && _edges.Count < limits.MaxReferences; i++)
            _edges.Add(data.Values(i).Target);
    }

    public void OnRoots(GCBulkRootEdgeTraceData data)
    {
        for (var i = 0; i < data.Count; i++)
        {
            var root = data.Values(i);
            var flags = root.GCRootFlag;
            if ((flags & GCRootFlags.WeakRef) != 0 || root.RootedNodeAddress == 0) continue; // weak: not a root
            var kind = root.GCRootKind switch
            {
                GCRootKind.Stack => RootKind.Stack,
                GCRootKind.Finalizer => RootKind.Finalizer,
                GCRootKind.Handle when (flags & GCRootFlags.Pinning) != 0 => RootKind.PinningHandle,
                GCRootKind.Handle => RootKind.StrongHandle,
                _ => RootKind.Other,
            };
            _roots.Add((root.RootedNodeAddress, new HeapRoot(kind)));
        }
    }

    public void OnStatics(GCBulkRootStaticVarTraceData data)
    {
        for (var i = 0; i < data.Count; i++)
        {
            var field = data.Values(i);
            if (field.ObjectID != 0) _statics.Add((field.ObjectID, TypeIndex(field.TypeID), field.FieldName));
        }
    }

    public void OnDependentHandles(GCBulkRootConditionalWeakTableElementEdgeTraceData data)
    {
        for (var i = 0; i < data.Count; i++)
        {
            var entry = data.Values(i);
            if (entry.GCKeyNodeID != 0 && entry.GCValueNodeID != 0)
                _roots.Add((entry.GCValueNodeID, new HeapRoot(RootKind.DependentHandle)));
        }
    }

    /// <summary>Resolves every address to an object index and hands the buffers back. Call once.</summary>
    public HeapGraph Build()
    {
        var count = _addresses.Count;
        var sorted = _addresses.ToArray();
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        Array.Sort(sorted, order);
        _addresses.Clear();
        var sizes = _sizes.ToArray();
        _sizes.Clear();
        var types = _types.ToArray();
        _types.Clear();

        // References to objects outside the dump (frozen string literals, say) are dropped.
        var edgeStart = new int[count + 1];
        var edges = new int[Math.Min(_acceptedEdges, _edges.Count)];
        var read = 0;
        var written = 0;
        for (var i = 0; i < count; i++)
        {
            edgeStart[i] = written;
            var n = _edgeCounts[i];
            for (var k = 0; k < n && read < edges.Length; k++, read++)
                if (Find(sorted, order, sizes, _edges[read]) is var target and >= 0) edges[written++] = target;
        }
        edgeStart[count] = written;
        if (read < _acceptedEdges && Truncated is null)
            Truncated = $"{_acceptedEdges - read:N0} references missing (events lost)";
        _edges.Clear();
        _edgeCounts.Clear();
        Array.Resize(ref edges, written);

        // Statics first: a path search takes the first root that reaches an object, and a named one says most.
        var roots = new List<HeapRoot>();
        var targets = new List<int>();
        var names = _typeNames.Select((name, i) => name ?? $"<type {i}>").ToArray();
        foreach (var (address, type, field) in _statics)
            Add(address, new HeapRoot(RootKind.StaticField, field, names[type]));
        foreach (var (address, root) in _roots.OrderBy(r => r.Root.Kind))
            Add(address, root);
        return new HeapGraph(names, types, sizes, edgeStart, edges, roots.ToArray(), targets.ToArray())
        {
            DelegateTypes = _delegateTypes.ToHashSet(),
        };

        void Add(ulong address, HeapRoot root)
        {
            if (Find(sorted, order, sizes, address) is not (var target and >= 0)) return;
            roots.Add(root);
            targets.Add(target);
        }
    }

    /// <summary>The object at or containing <paramref name="address"/> (stack roots may point inside one), or -1.</summary>
    private static int Find(ulong[] sorted, int[] order, uint[] sizes, ulong address)
    {
        var at = Array.BinarySearch(sorted, address);
        if (at >= 0) return order[at];
        var before = ~at - 1;
        return before >= 0 && address < sorted[before] + sizes[order[before]] ? order[before] : -1;
    }

    private int TypeIndex(ulong typeId)
    {
        if (_typeIndex.TryGetValue(typeId, out var index)) return index;
        _typeIndex[typeId] = index = _typeNames.Count;
        _typeNames.Add(null);
        return index;
    }
}
