namespace TuiProf.Core.Rendering;

/// <summary>What a cell shows; the TUI maps roles to colours, plain text output ignores them.</summary>
public enum CellRole : byte
{
    Empty,
    Axis,
    Label,
    Rss,
    Heap,
    Gc,
    GcInduced,
    /// <summary>A function call; <see cref="CallStyles"/> more roles follow it, one per name in view.</summary>
    Bracket,
    Call2,
    Call3,
    Call4,
    Call5,
    Call6,
    Title,
    Selected,
    Muted,
    Alert,
}

public static class CallStyles
{
    /// <summary>How many call names get a style of their own; more names share them, in turn.</summary>
    public const int Count = 6;

    public static CellRole Role(int style) => style % Count is 0 ? CellRole.Bracket : (CellRole)((int)CellRole.Call2 + style % Count - 1);
}
