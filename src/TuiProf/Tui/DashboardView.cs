using System.Drawing;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using TuiProf.Core.Rendering;

namespace TuiProf.Tui;

/// <summary>
/// The only view. <see cref="Refresh"/> renders a whole frame at the current size and asks Terminal.Gui to draw only
/// when it differs from the frame on screen: each Terminal.Gui draw costs a layout and draw pass whatever it holds
/// (an empty full-screen view drawn 10 times a second took 3.5 % of a core against 1.1 % idle). A draw then hands
/// the terminal only the cells that changed, written straight into the driver's output buffer: Terminal.Gui sends
/// every cell a view writes, changed or not, and its <c>AddRune</c> splits each one into graphemes anew (seven
/// allocations a cell, half of TuiProf's own allocation on a live screen).
/// </summary>
public sealed class DashboardView : View
{
    private readonly Action<CellGrid> _render;
    private readonly Palette _palette;
    private CellGrid? _onScreen;
    private CellGrid? _next;
    private CellGrid? _spare; // neither on screen nor next: the grid the next frame is drawn over
    private IDriver? _driver;
    private readonly Dictionary<char, string> _glyphs = [];

    public DashboardView(Action<CellGrid> render, Palette palette)
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
        var frame = Render();
        if (_onScreen is { } shown && shown.SameAs(frame))
        {
            (_spare, _next) = (frame, null); // a draw still pending would show a frame older than this one
            return;
        }
        _spare = _next;
        _next = frame;
        SetNeedsDraw();
    }

    /// <summary>A frame at the view's size, drawn over the spare grid when it has that size.</summary>
    private CellGrid Render()
    {
        var grid = _spare is { } spare && spare.Width == Viewport.Width && spare.Height == Viewport.Height
            ? spare
            : new CellGrid(Viewport.Width, Viewport.Height);
        _spare = null;
        _render(grid);
        return grid;
    }

    /// <summary>Every cell is written by the frame itself; clearing first would mark all of them changed.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (App?.Driver is not { } driver) return true;
        if (driver != _driver)
        {
            // When the driver clears its contents (a resize, a refresh) the next draw must write every cell again.
            _driver = driver;
            _onScreen = null;
            driver.ClearedContents += (_, _) => _onScreen = null;
        }
        if (_next is { } stale && (stale.Width != Viewport.Width || stale.Height != Viewport.Height)) _next = null;
        var frame = _next ?? Render();
        _next = null;
        var previous = _onScreen is { } shown && shown.Width == frame.Width && shown.Height == frame.Height ? shown : null;
        var buffer = driver.GetOutputBuffer();
        var (contents, dirtyLines) = (buffer.Contents!, buffer.DirtyLines);
        var origin = ViewportToScreen(Point.Empty);
        var rows = Math.Min(frame.Height, buffer.Rows - origin.Y);
        var columns = Math.Min(frame.Width, buffer.Cols - origin.X);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var c = frame.CharAt(x, y);
                var role = frame.RoleAt(x, y);
                if (previous is not null && previous.CharAt(x, y) == c && previous.RoleAt(x, y) == role) continue;
                // The constructor, not the Grapheme setter: the setter counts graphemes (allocating) on every write.
                contents[origin.Y + y, origin.X + x] = new Cell(_palette[role], IsDirty: true, Grapheme: Glyph(c));
                dirtyLines[origin.Y + y] = true;
            }
        }
        (_spare, _onScreen) = (_onScreen, frame);
        return true;
    }

    /// <summary>Each character as the one string the driver keeps for it: a frame's glyphs are a few hundred.</summary>
    private string Glyph(char c)
    {
        if (!_glyphs.TryGetValue(c, out var glyph)) _glyphs[c] = glyph = c.ToString();
        return glyph;
    }
}
