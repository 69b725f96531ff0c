using TuiProf.Core.Rendering;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;
using ColorName16 = Terminal.Gui.Drawing.ColorName16;

namespace TuiProf.Tui;

/// <summary>Cell roles to terminal colours: 16 named colours (safe on any terminal), or none for NO_COLOR.</summary>
public sealed class Palette(bool color)
{
    private static readonly Color Background = new(ColorName16.Black);
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
        CellRole.Axis or CellRole.Muted => new(new Color(ColorName16.DarkGray), Background),
        CellRole.Title => new(new Color(ColorName16.Black), new Color(ColorName16.Cyan)),
        CellRole.Selected => new(new Color(ColorName16.Black), new Color(ColorName16.BrightYellow)),
        CellRole.Alert => new(new Color(ColorName16.BrightRed), Background),
        _ => new(new Color(ColorName16.White), Background),
    };

    // Without colour, only the selection and titles stand out, by reverse video.
    private static Attribute Plain(CellRole role) => role is CellRole.Selected or CellRole.Title
        ? new(new Color(ColorName16.Black), new Color(ColorName16.White))
        : new(new Color(ColorName16.White), Background);
}
