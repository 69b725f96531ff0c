using TuiProf.Screen;
using TuiProf.Screen.Panels;

namespace TuiProf.Live;

/// <summary>What the user has set on the screen: selection, pause and scroll, zoom, glyphs, panel, overlays.</summary>
public sealed class ViewState
{
    /// <summary>
    /// Window spans in seconds; 0.5 s spreads one call of a busy server over the width, 24 h the whole day the
    /// timeline keeps (older hours summarised, drawn as min-max bands).
    /// </summary>
    public static readonly double[] Zooms = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400];

    public int Selected { get; set; }
    public int Zoom { get; set; } = Array.IndexOf(Zooms, 5.0); // one whole run of a blog experiment, as in its plots
    public double Span => Zooms[Zoom];
    public bool Ascii { get; set; }
    public bool Help { get; set; }

    /// <summary>The keys of this screen: the dashboard's, or those it has under top (no scenarios, Esc back to the list).</summary>
    public KeyMap Keys { get; init; } = KeyTable.Dashboard;
    /// <summary>The open attach list, or null.</summary>
    public ProcessPicker? Picker { get; set; }
    /// <summary>The question waiting for y, or null.</summary>
    public Question? Question { get; set; }

    public IPanel Panel { get; private set; } = PanelList.All[0];

    /// <summary>How many pages the panel's text is scrolled down (PgDn).</summary>
    public int PanelScroll { get; set; }

    /// <summary>Null while live; the window's end time while paused.</summary>
    public double? PausedAt { get; set; }

    public string? Message { get; set; }

    public void ZoomIn() => Zoom = Math.Max(0, Zoom - 1);
    public void ZoomOut() => Zoom = Math.Min(Zooms.Length - 1, Zoom + 1);

    /// <summary>
    /// The end of the live window: now, rounded up to the next quarter of the span. The graph moves on a quarter at a
    /// time and in between only its newest columns change; shifting every column each frame rewrote most of the
    /// screen ten times a second, 30-44 KB/s over SSH.
    /// </summary>
    public double LiveEnd(double now) => Math.Max(Span, Math.Ceiling(now / (Span / 4)) * (Span / 4));

    /// <summary>The window's end: where it was paused, else the live end.</summary>
    public double End(double now) => PausedAt ?? LiveEnd(now);

    /// <summary>Pausing keeps the window where it is.</summary>
    public void TogglePause(double now) => PausedAt = PausedAt is null ? LiveEnd(now) : null;

    /// <summary>Scrolls by a quarter of the window (pausing first), never before 0 nor past the live window.</summary>
    public void Scroll(int direction, double now)
    {
        var end = End(now) + direction * Span / 4;
        PausedAt = Math.Clamp(end, Math.Min(Span, now), LiveEnd(now));
    }

    /// <summary>Pauses on the oldest data still held.</summary>
    public void ScrollToStart(double oldest, double now) => PausedAt = Math.Clamp(oldest + Span, Math.Min(Span, now), LiveEnd(now));

    public void NextPanel()
    {
        Panel = PanelList.After(Panel);
        PanelScroll = 0;
    }
}
