using System.Text;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using TuiProf.Core.Rendering;

namespace TuiProf.Tui;

/// <summary>
/// The only view: each draw asks for a whole frame at the current size and hands the terminal only the cells that
/// differ from the frame it drew last. Terminal.Gui sends every cell a view writes, changed or not, so writing the
/// whole frame would resend the whole screen ten times a second (about 15 KB a frame at 120x40 over SSH).
/// </summary>
public sealed class DashboardView : View
{
    private readonly Func<int, int, CellGrid> _render;
    private readonly Palette _palette;
    private CellGrid? _onScreen;
    private IDriver? _driver;

    public DashboardView(Func<int, int, CellGrid> render, Palette palette)
    {
        _render = render;
        _palette = palette;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    /// <summary>Every cell is written by the frame itself; clearing first would mark all of them changed.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (App?.Driver is { } driver && driver != _driver)
        {
            // When the driver clears its contents (a resize, a refresh) the next draw must write every cell again.
            _driver = driver;
            _onScreen = null;
            driver.ClearedContents += (_, _) => _onScreen = null;
        }
        var frame = _render(Viewport.Width, Viewport.Height);
        var previous = _onScreen is { } shown && shown.Width == frame.Width && shown.Height == frame.Height ? shown : null;
        var role = (CellRole)255;
        for (var y = 0; y < frame.Height; y++)
        {
            var cursor = -1; // the column the driver's cursor is at in this row, -1: not in this row
            for (var x = 0; x < frame.Width; x++)
            {
                var c = frame.CharAt(x, y);
                var cellRole = frame.RoleAt(x, y);
                if (previous is not null && previous.CharAt(x, y) == c && previous.RoleAt(x, y) == cellRole) continue;
                if (cursor != x) Move(x, y);
                if (cellRole != role)
                {
                    role = cellRole;
                    SetAttribute(_palette[role]);
                }
                AddRune(new Rune(c));
                cursor = x + 1;
            }
        }
        _onScreen = frame;
        return true;
    }
}
