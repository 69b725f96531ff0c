using TuiProf.Core.Rendering;

namespace TuiProf.Tui;

/// <summary>What <see cref="ScreenHost"/> runs on the terminal: a frame of cells, keys by name, and an end.</summary>
public interface IScreen
{
    /// <summary>Draws the whole frame at the grid's size (on the UI thread).</summary>
    void Render(CellGrid grid);

    /// <summary>Does what a key asks (on the UI thread); false for a key that means nothing here.</summary>
    /// <param name="quit">Ends the screen.</param>
    bool Press(string key, Action quit);

    /// <summary>
    /// Called with a way to draw a frame soon rather than at the next tick: for what the user waits for (a GC, a
    /// process's first reading) as it arrives, from any thread.
    /// </summary>
    void DrawSoonWith(Action frameSoon);

    /// <summary>Ends what the screen started (its targets and sessions); the terminal is restored after it.</summary>
    Task EndAsync();
}
