using System.Text;
using TuiProf.Core.Rendering;

namespace TuiProf.Commands;

/// <summary>A rendered frame with ANSI colours per role, for printing to a colour terminal.</summary>
public static class AnsiFrame
{
    private const string Reset = "\e[0m";

    public static string Colorize(CellGrid frame)
    {
        var text = new StringBuilder();
        for (var y = 0; y < frame.Height; y++)
        {
            var line = frame.Line(y).TrimEnd();
            var current = CellRole.Empty;
            for (var x = 0; x < line.Length; x++)
            {
                var role = frame.RoleAt(x, y);
                if (role != current)
                {
                    text.Append(Reset).Append(Code(role));
                    current = role;
                }
                text.Append(line[x]);
            }
            text.Append(Reset).Append('\n');
        }
        return text.ToString();
    }

    private static string Code(CellRole role) => role switch
    {
        CellRole.Rss => "\e[36m",
        CellRole.Heap => "\e[33m",
        CellRole.Gc => "\e[35m",
        CellRole.GcInduced => "\e[1;31m",
        CellRole.Bracket => "\e[32m",
        CellRole.Axis => "\e[2m",
        _ => "",
    };
}
