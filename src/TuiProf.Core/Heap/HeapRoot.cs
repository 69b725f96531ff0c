namespace TuiProf.Core.Heap;

/// <summary>What holds an object alive from outside the heap, as the runtime's heap dump tells it.</summary>
public enum RootKind
{
    /// <summary>A static field: the dump names the field and its object's type; its class is found in the target's metadata.</summary>
    StaticField,
    StrongHandle,
    PinningHandle,
    /// <summary>A local variable or argument of a running method.</summary>
    Stack,
    /// <summary>Waiting for its finalizer to run.</summary>
    Finalizer,
    /// <summary>A ConditionalWeakTable value, alive while its key is.</summary>
    DependentHandle,
    Other,
    /// <summary>Listed by the dump but reached from no root it reported.</summary>
    Unrooted,
}

/// <summary>
/// A root: its kind and, for a static field, the field's name, the type of the object it holds and, where the target's
/// metadata tells, the class that declares it.
/// </summary>
public sealed record HeapRoot(RootKind Kind, string? Name = null, string? FieldType = null, string? Class = null)
{
    public override string ToString() => Kind switch
    {
        RootKind.StaticField when Class is not null => $"static field {Class}.{Name} ({FieldType})",
        RootKind.StaticField => $"static field {Name} ({FieldType})",
        RootKind.StrongHandle => "strong handle",
        RootKind.PinningHandle => "pinning handle",
        RootKind.Stack => "stack (local variable)",
        RootKind.Finalizer => "finalizer queue",
        RootKind.DependentHandle => "dependent handle (ConditionalWeakTable)",
        RootKind.Unrooted => "no reported root",
        _ => "other root",
    };
}
