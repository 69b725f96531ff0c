using TuiProf.Screen;

namespace TuiProf.Top;

/// <summary>
/// What each key of <c>tuiprof top</c>'s list does, by its name in <see cref="KeyTable.Top"/>. While the filter is
/// typed (after /), keys are its text: Enter keeps it, Esc clears it. No key here ends a process.
/// </summary>
/// <param name="rows">The rows shown now, in order.</param>
/// <param name="open">Opens a process's dashboard.</param>
/// <param name="forceGc">Asks a process for a full GC.</param>
public sealed class TopKeys(TopState state, Func<IReadOnlyList<ProcessRow>> rows, Action<ProcessRow> open, Action<ProcessRow> forceGc, Action quit)
{
    public bool Press(string key)
    {
        if (state.EditingFilter) return Type(key);
        var action = KeyTable.Top.Find(key)?.Action ?? UserAction.None;
        if (state.Help)
        {
            state.Help = false;
            if (action != UserAction.Quit) return true;
        }
        state.Message = null;
        switch (action)
        {
            case UserAction.MoveUp: state.Move(rows(), -1); break;
            case UserAction.MoveDown: state.Move(rows(), +1); break;
            case UserAction.StartSelected when Selected() is { } row: open(row); break;
            case UserAction.ForceGc when Selected() is { } row: forceGc(row); break;
            case UserAction.StartSelected or UserAction.ForceGc: state.Message = "no process selected"; break;
            case UserAction.Filter: state.EditingFilter = true; break;
            case UserAction.SortNext: state.Sort = state.Sort.Next(+1); break;
            case UserAction.SortPrevious: state.Sort = state.Sort.Next(-1); break;
            case UserAction.ToggleAscii: state.Ascii = !state.Ascii; break;
            case UserAction.ToggleHelp: state.Help = true; break;
            case UserAction.Close: state.Filter = ""; break;
            case UserAction.Quit: quit(); break;
            default: return false;
        }
        return true;
    }

    private ProcessRow? Selected() => rows().FirstOrDefault(r => r.Key == state.Selected);

    private bool Type(string key)
    {
        switch (key)
        {
            case "Enter": state.EditingFilter = false; break;
            case "Esc": (state.EditingFilter, state.Filter) = (false, ""); break;
            case "Backspace": state.Filter = state.Filter.Length > 0 ? state.Filter[..^1] : ""; break;
            case "Ctrl-C": quit(); break;
            case { Length: 1 } typed when !char.IsControl(typed[0]): state.Filter += typed; break;
            default: return false;
        }
        return true;
    }
}
