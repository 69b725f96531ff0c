using System.Text;
using TuiProf.Core.Text;

namespace TuiProf.Core.Rendering;

/// <summary>
/// A rectangle of characters with roles: one rendered frame, or part of one. No cell ever holds a character that
/// could drive a terminal (see <see cref="SafeText"/>): every surface that shows a grid (the live screen, <c>plot</c>)
/// sends its cells as they are.
/// </summary>
public sealed class CellGrid
{
    private readonly char[] _chars;
    private readonly CellRole[] _roles;

    public CellGrid(int width, int height)
    {
        Width = Math.Max(0, width);
        Height = Math.Max(0, height);
        _chars = new char[Width * Height];
        _roles = new CellRole[Width * Height];
        Array.Fill(_chars, ' ');
    }

    /// <summary>Blank again, for a frame drawn over the one before (ten frames a second need not allocate ten grids).</summary>
    public void Clear()
    {
        Array.Fill(_chars, ' ');
        Array.Clear(_roles);
    }

    public int Width { get; }
    public int Height { get; }

    public char CharAt(int x, int y) => _chars[y * Width + x];
    public CellRole RoleAt(int x, int y) => _roles[y * Width + x];

    /// <summary>One glyph; a character that must not reach a terminal shows as '?' (text goes through <see cref="Text"/>).</summary>
    public void Put(int x, int y, char c, CellRole role)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height) return;
        _chars[y * Width + x] = SafeText.IsShown(c) ? c : '?';
        _roles[y * Width + x] = role;
    }

    /// <summary>Writes text from (x, y), clipped at the right edge, with what must not reach a terminal spelled out.</summary>
    public void Text(int x, int y, string text, CellRole role)
    {
        text = SafeText.Of(text);
        for (var i = 0; i < text.Length; i++)
            Put(x + i, y, text[i], role);
    }

    /// <summary>Fills a rectangle with one character and role (clears it, with a space).</summary>
    public void Fill(int x, int y, int width, int height, char c, CellRole role)
    {
        for (var row = y; row < y + height; row++)
            for (var column = x; column < x + width; column++)
                Put(column, row, c, role);
    }

    public string Line(int y) => new(_chars, y * Width, Width);

    /// <summary>Whether another grid holds the same characters with the same roles (a frame worth no redraw).</summary>
    public bool SameAs(CellGrid other) =>
        Width == other.Width && Height == other.Height &&
        _chars.AsSpan().SequenceEqual(other._chars) && _roles.AsSpan().SequenceEqual(other._roles);

    /// <summary>The frame as text, trailing spaces trimmed: what <c>tuiprof plot</c> prints and tests compare.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var y = 0; y < Height; y++)
            text.Append(Line(y).TrimEnd()).Append('\n');
        return text.ToString();
    }
}
