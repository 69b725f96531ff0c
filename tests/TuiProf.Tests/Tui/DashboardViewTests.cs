using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Views;
using TuiProf.Core.Rendering;
using TuiProf.Tui;
using Xunit;

namespace TuiProf.Tests.Tui;

/// <summary>Terminal.Gui without a terminal finds out from a process-wide variable: keep it away from the tmux tests.</summary>
[CollectionDefinition(nameof(HeadlessTerminal), DisableParallelization = true)]
public sealed class HeadlessTerminal;

/// <summary>
/// The view against Terminal.Gui's own driver with no terminal behind it: what it marks changed is what the
/// driver will send down the wire.
/// </summary>
[Collection(nameof(HeadlessTerminal))]
public sealed class DashboardViewTests : IDisposable
{
    private const int Width = 30, Height = 6;
    private readonly IApplication _app;
    private readonly DashboardView _view;
    private string _header = "RSS 10 MB";

    public DashboardViewTests()
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        _app = Application.Create();
        _app.Init("ansi");
        _app.Driver!.SetScreenSize(Width, Height);
        _view = new DashboardView(Frame, new Palette(color: true));
        var top = new Runnable();
        top.Add(_view);
        _app.Begin(top);
        _app.LayoutAndDraw(forceRedraw: true);
    }

    [Fact]
    public void A_redraw_hands_the_terminal_only_the_cells_that_changed()
    {
        Assert.Equal(0, DrawAndCountChangedCells());

        _header = "RSS 12 MB";
        Assert.Equal(1, DrawAndCountChangedCells());
        Assert.StartsWith("RSS 12 MB", ScreenLine(0));
    }

    [Fact]
    public void A_frame_that_did_not_change_asks_Terminal_Gui_for_no_draw_at_all()
    {
        _view.Refresh();
        Assert.False(_view.NeedsDraw);

        _header = "RSS 12 MB";
        _view.Refresh();
        Assert.True(_view.NeedsDraw);
    }

    [Fact]
    public void After_the_driver_clears_its_contents_every_cell_is_written_again()
    {
        _app.Driver!.ClearContents();

        Assert.Equal(Width * Height, DrawAndCountChangedCells());
        Assert.StartsWith("RSS 10 MB", ScreenLine(0));
        Assert.StartsWith("[ RandomNumberAverage ]", ScreenLine(Height - 1));
    }

    private void Frame(CellGrid grid)
    {
        grid.Clear();
        grid.Text(0, 0, _header, CellRole.Title);
        grid.Text(0, Height - 1, "[ RandomNumberAverage ]", CellRole.Bracket);
    }

    /// <summary>Marks every cell sent, draws the view once and counts the cells it marked changed.</summary>
    private int DrawAndCountChangedCells()
    {
        var contents = _app.Driver!.Contents!;
        for (var row = 0; row < Height; row++)
            for (var column = 0; column < Width; column++)
                contents[row, column].IsDirty = false;
        _app.Driver.Clip = new Region(_app.Screen); // as the main loop sets it before each draw
        _view.SetNeedsDraw();
        _view.Draw();
        var changed = 0;
        foreach (var cell in contents)
            if (cell.IsDirty) changed++;
        return changed;
    }

    private string ScreenLine(int row) =>
        string.Concat(Enumerable.Range(0, Width).Select(column => _app.Driver!.Contents![row, column].Grapheme));

    public void Dispose()
    {
        _app.Dispose();
        Environment.SetEnvironmentVariable("DisableRealDriverIO", null); // tmux sessions started later inherit it
    }
}
