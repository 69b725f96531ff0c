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
    Bracket,
    Title,
    Selected,
    Muted,
    Alert,
}
