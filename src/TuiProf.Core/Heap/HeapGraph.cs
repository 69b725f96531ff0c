namespace TuiProf.Core.Heap;

/// <summary>
/// A heap as compact arrays: object <c>i</c> has type <c>TypeOf[i]</c>, <c>Size[i]</c> bytes and references
/// <c>Edges[EdgeStart[i] .. EdgeStart[i + 1]]</c> (other objects' indices). Roots point at objects. No object
/// addresses are kept: nothing after the build needs them.
/// </summary>
public sealed class HeapGraph
{
    internal HeapGraph(string[] typeNames, int[] typeOf, uint[] size, int[] edgeStart, int[] edges,
        HeapRoot[] roots, int[] rootTargets)
    {
        TypeNames = _typeNames = typeNames;
        TypeOf = typeOf;
        Size = size;
        EdgeStart = edgeStart;
        Edges = edges;
        Roots = roots;
        RootTargets = rootTargets;
    }

    public IReadOnlyList<string> TypeNames { get; }
    private readonly string[] _typeNames;

    /// <summary>The types the runtime flagged as delegates (an event's handlers among them).</summary>
    internal IReadOnlySet<int> DelegateTypes { get; init; } = new HashSet<int>();

    public int ObjectCount => TypeOf.Length;

    internal int[] TypeOf { get; }
    internal uint[] Size { get; }
    internal int[] EdgeStart { get; }
    internal int[] Edges { get; }

    /// <summary>Root <c>r</c> is <c>Roots[r]</c> and holds object <c>RootTargets[r]</c>.</summary>
    internal HeapRoot[] Roots { get; }
    internal int[] RootTargets { get; }

    /// <summary>The names of the static fields among the roots.</summary>
    internal IReadOnlySet<string> StaticFields =>
        Roots.Where(r => r.Kind == RootKind.StaticField && r.Name is not null).Select(r => r.Name!).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Names what the dump could not: each static root's class, and each nested type's outer class (where
    /// <paramref name="bareTypes"/> gives its token).
    /// </summary>
    internal void Name(TargetMetadata metadata, IReadOnlyDictionary<int, (int Token, string Name)> bareTypes)
    {
        for (var r = 0; r < Roots.Length; r++)
            if (Roots[r] is { Kind: RootKind.StaticField, Name: { } field, FieldType: { } type })
                Roots[r] = Roots[r] with { Class = metadata.Owner(field, type) };
        foreach (var (index, (token, name)) in bareTypes)
            if (metadata.NestedName(token, name) is { } full) _typeNames[index] = full;
    }

    public long TotalBytes
    {
        get
        {
            long total = 0;
            foreach (var s in Size) total += s;
            return total;
        }
    }
}
