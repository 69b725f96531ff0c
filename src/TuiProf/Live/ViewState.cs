using TuiProf.Screen;

namespace TuiProf.Live;

/// <summary>What the user has set on the screen: selection, pause and scroll, zoom, glyphs, panel, help.</summary>
public sealed class ViewState
{
    public static readonly double[] Zooms = [5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600];

    public int Selected { get; set; }
    public int Zoom { get; set; } // 5 s: one whole run of a blog experiment, as in its plots
    public double Span => Zooms[Zoom];
    public bool Ascii { get; set; }
    public bool Help { get; set; }
    /// <summary>The open attach list, or null.</summary>
    public ProcessPicker? Picker { get; set; }
    public BottomPanel Panel { get; set; } = BottomPanel.LookFor;

    /// <summary>Null while live; the window's end time while paused.</summary>
    public double? PausedAt { get; set; }

    public string? Message { get; set; }

    public void ZoomIn() => Zoom = Math.Max(0, Zoom - 1);
    public void ZoomOut() => Zoom = Math.Min(Zooms.Length - 1, Zoom + 1);

    public void TogglePause(double now) => PausedAt = PausedAt is null ? now : null;

    /// <summary>Scrolls by a quarter of the window (pausing first), never before 0 nor past now.</summary>
    public void Scroll(int direction, double now)
    {
        var end = (PausedAt ?? now) + direction * Span / 4;
        PausedAt = Math.Clamp(end, Math.Min(Span, now), now);
    }

    public void NextPanel() => Panel = (BottomPanel)(((int)Panel + 1) % Enum.GetValues<BottomPanel>().Length);
}
