using System.Text;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace TuiProf.Tui;

/// <summary>
/// Terminal.Gui's ANSI output, writing each drawn frame to the terminal in one <c>write</c>. Terminal.Gui 2.5 writes
/// every cursor move and every run of changed cells with a call of its own: ~35 a frame on a live screen, 350 system
/// calls a second, each one a wake of the terminal (tmux, sshd) too. A move followed by another move (a row with
/// nothing to write after it) is dropped.
/// </summary>
internal sealed class FrameOutput() : AnsiOutput(AppModel.FullScreen)
{
    private readonly StringBuilder _frame = new();
    private (int Column, int Row)? _move;
    private bool _collecting;

    public override void Write(IOutputBuffer buffer)
    {
        _collecting = true;
        try
        {
            base.Write(buffer);
        }
        finally
        {
            (_collecting, _move) = (false, null);
            if (_frame.Length > 0) base.Write(_frame);
            _frame.Clear();
        }
    }

    protected override bool SetCursorPositionImpl(int col, int row)
    {
        if (!_collecting) return base.SetCursorPositionImpl(col, row);
        _move = (col, row); // written only when text follows it
        return true;
    }

    protected override void Write(StringBuilder output)
    {
        if (!_collecting)
        {
            base.Write(output);
            return;
        }
        if (_move is var (column, row)) _frame.Append(EscSeqUtils.CSI_SetCursorPosition(row + 1, column + 1));
        _move = null;
        _frame.Append(output);
    }
}
