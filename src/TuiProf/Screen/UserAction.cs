namespace TuiProf.Screen;

/// <summary>What a key asks the dashboard to do.</summary>
public enum UserAction
{
    None, SelectScenario, MoveUp, MoveDown, StartSelected, ForceGc, Restart, TogglePause, ScrollBack, ScrollForward,
    ScrollToStart, GoLive, ZoomIn, ZoomOut, NextPanel, ScrollPanel, ToggleAscii, ToggleHelp, OpenPicker, HeapSnapshot, LeakSuspects, PreviousProcess, NextProcess, Close, Yes, Quit,
    SortNext, SortPrevious, Filter,
}
