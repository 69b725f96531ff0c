using TuiProf.Core.Rendering;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;
using ColorName16 = Terminal.Gui.Drawing.ColorName16;
using TextStyle = Terminal.Gui.Drawing.TextStyle;

namespace TuiProf.Tui;

/// <summary>
/// Cell roles to terminal colours: 16 named colours on the terminal's own background, or, for NO_COLOR, no colour
/// at all (Color.None is the terminal's default) with reverse video for what must stand out.
/// </summary>
public sealed class Palette(bool color)
{
    private static readonly Color Background = Color.None;
    private readonly Dictionary<CellRole, Attribute> _attributes = Enum.GetValues<CellRole>()
        .ToDictionary(role => role, role => color ? ColorFor(role) : Plain(role));

    public Attribute this[CellRole role] => _attributes[role];

    private static Attribute ColorFor(CellRole role) => role switch
    {
        CellRole.Rss => new(new Color(ColorName16.BrightCyan), Background),
        CellRole.Heap => new(new Color(ColorName16.BrightYellow), Background),
        CellRole.Gc => new(new Color(ColorName16.Magenta), Background),
        CellRole.GcInduced => new(new Color(ColorName16.BrightRed), Background),
        CellRole.Bracket => new(new Color(ColorName16.BrightGreen), Background),
        CellRole.Call2 => new(new Color(ColorName16.BrightMagenta), Background),
        CellRole.Call3 => new(new Color(ColorName16.BrightBlue), Background),
        CellRole.Call4 => new(new Color(ColorName16.White), Background),
        CellRole.Call5 => new(new Color(ColorName16.Green), Background),
        CellRole.Call6 => new(new Color(ColorName16.Blue), Background),
        CellRole.Axis or CellRole.Muted => new(new Color(ColorName16.DarkGray), Background),
        CellRole.Title => new(new Color(ColorName16.Black), new Color(ColorName16.Cyan)),
        CellRole.Selected => new(new Color(ColorName16.Black), new Color(ColorName16.BrightYellow)),
        CellRole.Alert => new(new Color(ColorName16.BrightRed), Background),
        _ => new(Color.None, Background),
    };

    private static Attribute Plain(CellRole role) => role is CellRole.Selected or CellRole.Title
        ? new(Color.None, Color.None, TextStyle.Reverse)
        : new(Color.None, Color.None);
}
