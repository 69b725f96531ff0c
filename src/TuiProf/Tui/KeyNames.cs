using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace TuiProf.Tui;

/// <summary>A terminal key by the name the <see cref="Screen.KeyTable"/> uses for it: a character, or Up, F1, Ctrl-C...</summary>
public static class KeyNames
{
    public static string Of(Key key)
    {
        if (key.IsCtrl && key.NoCtrl.KeyCode == KeyCode.C) return "Ctrl-C";
        return key.KeyCode switch
        {
            KeyCode.CursorUp => "Up",
            KeyCode.CursorDown => "Down",
            KeyCode.CursorLeft => "Left",
            KeyCode.CursorRight => "Right",
            KeyCode.Home => "Home",
            KeyCode.End => "End",
            KeyCode.PageUp => "PageUp",
            KeyCode.PageDown => "PageDown",
            KeyCode.Enter => "Enter",
            KeyCode.Tab => "Tab",
            KeyCode.Esc => "Esc",
            KeyCode.Backspace => "Backspace",
            KeyCode.F1 => "F1",
            KeyCode.F10 => "F10",
            _ => key.AsRune.Value is > 0 and var rune ? char.ConvertFromUtf32(rune) : "",
        };
    }
}
