using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace TuiProf.Tui;

/// <summary>The actions the dashboard understands, and which key means which.</summary>
public enum UserAction
{
    None, SelectScenario, MoveUp, MoveDown, StartSelected, ForceGc, Restart, TogglePause, ScrollBack, ScrollForward,
    ZoomIn, ZoomOut, NextPanel, ToggleAscii, ToggleHelp, OpenPicker, Quit,
}

public static class KeyMap
{
    /// <summary>The action for a key; for <see cref="UserAction.SelectScenario"/>, <paramref name="number"/> is 1-9.</summary>
    public static UserAction Read(Key key, out int number)
    {
        number = 0;
        switch (key.KeyCode)
        {
            case KeyCode.CursorUp: return UserAction.MoveUp;
            case KeyCode.CursorDown: return UserAction.MoveDown;
            case KeyCode.CursorLeft: return UserAction.ScrollBack;
            case KeyCode.CursorRight: return UserAction.ScrollForward;
            case KeyCode.Enter: return UserAction.StartSelected;
            case KeyCode.Tab: return UserAction.NextPanel;
        }
        if (key.IsCtrl && key.NoCtrl.KeyCode == KeyCode.C) return UserAction.Quit;
        var rune = key.AsRune.Value;
        if (rune is >= '1' and <= '9')
        {
            number = rune - '0';
            return UserAction.SelectScenario;
        }
        return rune switch
        {
            'g' or 'G' => UserAction.ForceGc,
            'r' or 'R' => UserAction.Restart,
            ' ' => UserAction.TogglePause,
            '+' or '=' => UserAction.ZoomIn,
            '-' or '_' => UserAction.ZoomOut,
            'a' or 'A' => UserAction.ToggleAscii,
            'p' or 'P' => UserAction.OpenPicker,
            '?' or 'h' or 'H' => UserAction.ToggleHelp,
            'q' or 'Q' => UserAction.Quit,
            _ => UserAction.None,
        };
    }
}
