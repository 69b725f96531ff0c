namespace TuiProf.Core.Heap;

/// <summary>One step of a path: an object's type, <c>Repeat</c> times in a row (a linked list's nodes fold into one).</summary>
public sealed record PathHop(string TypeName, int Repeat = 1);

/// <summary>
/// How instances of a type are kept alive: a root, then each object on the shortest path down to an instance (the
/// last hop). The runtime's dump names static fields but no instance fields, so hops are types. <c>Instances</c>
/// and <c>Bytes</c>: how many of the sampled instances take this path, and their total size.
/// </summary>
public sealed record RetentionPath(HeapRoot Root, IReadOnlyList<PathHop> Hops, int Instances, long Bytes);

/// <summary>The paths that keep a type's instances alive, the most bytes first, from a sample of the instances.</summary>
public sealed record RetentionReport(string TypeName, int InstanceCount, int Sampled, IReadOnlyList<RetentionPath> Paths);
