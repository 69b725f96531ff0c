namespace TuiProf.Core.Rendering;

/// <summary>
/// A series in one row of text, scaled from zero to its own largest value: in braille two values a cell, each a bar
/// of up to four dots; in ASCII one value a cell, a bar of five heights. A value that is missing leaves its bar empty.
/// </summary>
public static class Sparkline
{
    private const string AsciiLevels = " ._-=#";

    // The dots of a braille cell's left and right columns, from the bottom up.
    private static readonly int[] LeftDots = [0x40, 0x04, 0x02, 0x01], RightDots = [0x80, 0x20, 0x10, 0x08];

    /// <summary>How many values a row of <paramref name="cells"/> cells shows.</summary>
    public static int Capacity(int cells, bool braille) => braille ? cells * 2 : cells;

    public static string Of(IReadOnlyList<long?> values, bool braille)
    {
        var top = values.Max(v => v ?? 0);
        if (!braille)
            return new string(values.Select(v => AsciiLevels[Level(v, top, AsciiLevels.Length - 1)]).ToArray());
        var cells = new char[(values.Count + 1) / 2];
        for (var i = 0; i < cells.Length; i++)
        {
            var dots = 0;
            for (var h = 0; h < Level(values[2 * i], top, 4); h++) dots |= LeftDots[h];
            for (var h = 0; 2 * i + 1 < values.Count && h < Level(values[2 * i + 1], top, 4); h++) dots |= RightDots[h];
            cells[i] = (char)(0x2800 + dots);
        }
        return new string(cells);
    }

    /// <summary>0 for no value; otherwise 1 to <paramref name="levels"/>: a value above zero always shows.</summary>
    private static int Level(long? value, long top, int levels) =>
        value is not { } v || top <= 0 ? 0 : Math.Clamp((int)Math.Ceiling((double)v / top * levels), 1, levels);
}
