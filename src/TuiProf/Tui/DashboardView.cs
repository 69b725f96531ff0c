using System.Text;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using TuiProf.Core.Rendering;

namespace TuiProf.Tui;

/// <summary>
/// The only view. <see cref="Refresh"/> renders a whole frame at the current size and asks Terminal.Gui to draw only
/// when it differs from the frame on screen: each Terminal.Gui draw costs a layout and draw pass whatever it holds
/// (an empty full-screen view drawn 10 times a second took 3.5 % of a core against 1.1 % idle). A draw then hands
/// the terminal only the cells that changed: Terminal.Gui sends every cell a view writes, changed or not.
/// </summary>
public sealed class DashboardView : View
{
    private readonly Func<int, int, CellGrid> _render;
    private readonly Palette _palette;
    private CellGrid? _onScreen;
    private CellGrid? _next;
    private IDriver? _driver;

    public DashboardView(Func<int, int, CellGrid> render, Palette palette)
    {
        _render = render;
        _palette = palette;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    /// <summary>Renders the frame now and draws it if anything on it changed; call on the UI thread.</summary>
    public void Refresh()
    {
        var frame = _render(Viewport.Width, Viewport.Height);
        if (_onScreen is { } shown && shown.SameAs(frame)) return;
        _next = frame;
        SetNeedsDraw();
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
        var frame = _next is { } next && next.Width == Viewport.Width && next.Height == Viewport.Height
            ? next
            : _render(Viewport.Width, Viewport.Height);
        _next = null;
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
