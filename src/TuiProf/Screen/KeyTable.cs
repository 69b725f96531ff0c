using TuiProf.Screen.Panels;

namespace TuiProf.Screen;

/// <summary>
/// One key binding: the keys (by name: a character, or <c>Up</c>, <c>F1</c>, <c>Ctrl-C</c>...), what they do, how
/// the help says it and, if any, the footer's hint.
/// </summary>
public sealed record KeyBinding(UserAction Action, string[] Keys, string Shown, string Help, string? Hint = null);

/// <summary>
/// The keys of one screen, in the order the footer shows hints and the help lists them. The handler, the footer and
/// the help all read the map: adding a key is adding a row.
/// </summary>
/// <param name="folded">The rows that share a line in the help: each is folded into the row before it.</param>
public sealed class KeyMap(IReadOnlyList<KeyBinding> rows, IReadOnlySet<UserAction> folded)
{
    private readonly Dictionary<string, KeyBinding> _byKey =
        rows.SelectMany(row => row.Keys.Select(key => (key, row))).ToDictionary(x => x.key, x => x.row);

    public IReadOnlyList<KeyBinding> Rows => rows;

    /// <summary>The binding for a key name, or null for a key that does nothing.</summary>
    public KeyBinding? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The help's lines: keys, then what they do.</summary>
    public IEnumerable<(string Keys, string Help)> HelpLines =>
        rows.Where(row => !folded.Contains(row.Action)).Select(row => (row.Shown, row.Help));

    /// <summary>The footer's hints, most useful first; help and quit are always last, so never dropped.</summary>
    public IEnumerable<string> Hints(bool last) =>
        rows.Where(row => row.Hint is not null && (row.Action is UserAction.ToggleHelp or UserAction.Quit) == last)
            .Select(row => row.Hint!);
}

/// <summary>The key maps of TuiProf's screens: the live dashboard, and <c>tuiprof top</c>'s list of processes.</summary>
public static class KeyTable
{
    /// <summary>Every key of the live screen.</summary>
    public static readonly KeyMap Dashboard = new(
    [
        new(UserAction.SelectScenario, ["1", "2", "3", "4", "5", "6", "7", "8", "9"], "1-9",
            "run a built-in scenario (asks first if it ends your program)", "1-9 scenario"),
        new(UserAction.ForceGc, ["g", "G"], "g", "force a full GC now, from outside (heavy induced marker)", "g GC"),
        new(UserAction.Restart, ["r", "R"], "r", "restart what was launched (asks first if it is your program)", "r restart"),
        new(UserAction.TogglePause, [" "], "space", "pause / resume scrolling (data keeps arriving)", "space pause"),
        new(UserAction.ScrollBack, ["Left"], "<- -> Home", "scroll through history (pauses); Home: oldest, End: live", "<-/-> scroll"),
        new(UserAction.ScrollForward, ["Right"], "->", "scroll forward"),
        new(UserAction.ScrollToStart, ["Home"], "Home End", "oldest data kept / back to live"),
        new(UserAction.GoLive, ["End"], "End", "back to live"),
        new(UserAction.ZoomIn, ["+", "="], "+ -", "zoom time in / out (0.5 s to 24 h)", "+/- zoom"),
        new(UserAction.ZoomOut, ["-", "_"], "-", "zoom out"),
        new(UserAction.NextPanel, ["Tab"], "tab", "panels: " + string.Join(", ", PanelNames), "tab panel"),
        new(UserAction.ScrollPanel, ["PageDown", "PageUp"], "PgUp PgDn", "scroll the panel's text"),
        new(UserAction.HeapSnapshot, ["s", "S"], "s", "heap snapshot (a full GC): live types, what grew, who holds it", "s heap"),
        new(UserAction.LeakSuspects, ["l", "L"], "l", "leak suspects: 3 more snapshots 5 s apart, with those before"),
        new(UserAction.OpenPicker, ["p", "P"], "p", "attach to another running .NET process of yours", "p attach"),
        new(UserAction.PreviousProcess, ["["], "[ ]", "another profiled process of the command (dotnet run: build, app)"),
        new(UserAction.NextProcess, ["]"], "]", "next process"),
        new(UserAction.MoveUp, ["Up"], "up down", "move in the scenario list or the attach list"),
        new(UserAction.MoveDown, ["Down"], "down", "move down"),
        new(UserAction.StartSelected, ["Enter"], "Enter", "run the selected scenario / attach to the selected process"),
        new(UserAction.ToggleAscii, ["a", "A"], "a", "ASCII / braille"),
        new(UserAction.ToggleHelp, ["h", "H", "?", "F1"], "h ? F1", "this help", "h help"),
        new(UserAction.Close, ["Esc"], "Esc", "close the help, a list or a question (never quits)"),
        new(UserAction.Yes, ["y", "Y"], "y", "yes, to a question"),
        new(UserAction.Quit, ["q", "Q", "F10", "Ctrl-C"], "q F10 ^C", "quit (asks before ending your program; an attached one runs on)", "q quit"),
    ], new HashSet<UserAction>
    {
        UserAction.ScrollForward, UserAction.GoLive, UserAction.ZoomOut, UserAction.MoveDown, UserAction.NextProcess, UserAction.ScrollToStart,
    });

    /// <summary>
    /// A process's dashboard opened from <c>tuiprof top</c>: it stays on its process (no scenarios, no attach list),
    /// and Esc or Backspace go back to the list.
    /// </summary>
    public static readonly KeyMap UnderTop = new(
    [
        new(UserAction.Close, ["Esc", "Backspace"], "Esc BkSp", "back to the list (closes the help or a question first)", "Esc list"),
        .. Dashboard.Rows.Where(row => row.Action is not (UserAction.SelectScenario or UserAction.StartSelected or UserAction.OpenPicker
            or UserAction.Close or UserAction.MoveUp or UserAction.MoveDown)),
    ], new HashSet<UserAction>
    {
        UserAction.ScrollForward, UserAction.GoLive, UserAction.ZoomOut, UserAction.NextProcess, UserAction.ScrollToStart,
    });

    /// <summary>The keys of <c>tuiprof top</c>'s list of processes.</summary>
    public static readonly KeyMap Top = new(
    [
        new(UserAction.StartSelected, ["Enter"], "Enter", "open the selected process's dashboard (Esc or Backspace comes back)", "Enter open"),
        new(UserAction.MoveUp, ["Up"], "up down", "select a process"),
        new(UserAction.MoveDown, ["Down"], "down", "select the next process"),
        new(UserAction.Filter, ["/"], "/", "filter by name, PID or command line (Enter keeps it, Esc clears it)", "/ filter"),
        new(UserAction.SortNext, ["s", "S", ">"], "s > <", "sort by the next column: " + string.Join(", ", TuiProf.Top.ProcessSort.Names), "s sort"),
        new(UserAction.SortPrevious, ["<"], "<", "sort by the previous column"),
        new(UserAction.ForceGc, ["g", "G"], "g", "force a full GC of the selected process now (from outside)", "g GC"),
        new(UserAction.ToggleAscii, ["a", "A"], "a", "ASCII / braille"),
        new(UserAction.ToggleHelp, ["h", "H", "?", "F1"], "h ? F1", "this help", "h help"),
        new(UserAction.Close, ["Esc"], "Esc", "close the help, clear the filter (never quits)"),
        new(UserAction.Quit, ["q", "Q", "F10", "Ctrl-C"], "q F10 ^C", "quit (the processes run on)", "q quit"),
    ], new HashSet<UserAction> { UserAction.MoveDown, UserAction.SortPrevious });

    private static IEnumerable<string> PanelNames => PanelList.All.Select(panel => panel.ShortName);
}
