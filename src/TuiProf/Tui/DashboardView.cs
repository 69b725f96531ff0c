using System.Text;
using Terminal.Gui.ViewBase;
using TuiProf.Core.Rendering;

namespace TuiProf.Tui;

/// <summary>
/// The only view: each draw asks for a whole frame at the current size and copies its cells to the terminal.
/// Terminal.Gui then writes only what changed.
/// </summary>
public sealed class DashboardView : View
{
    private readonly Func<int, int, CellGrid> _render;
    private readonly Palette _palette;

    public DashboardView(Func<int, int, CellGrid> render, Palette palette)
    {
        _render = render;
        _palette = palette;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    /// <summary>How long the last frame took to render and copy, for the benchmark.</summary>
    public TimeSpan LastDrawTime { get; private set; }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var frame = _render(Viewport.Width, Viewport.Height);
        for (var y = 0; y < frame.Height; y++)
        {
            Move(0, y);
            var role = (CellRole)255;
            for (var x = 0; x < frame.Width; x++)
            {
                if (frame.RoleAt(x, y) != role)
                {
                    role = frame.RoleAt(x, y);
                    SetAttribute(_palette[role]);
                }
                AddRune(new Rune(frame.CharAt(x, y)));
            }
        }
        LastDrawTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return true;
    }
}
