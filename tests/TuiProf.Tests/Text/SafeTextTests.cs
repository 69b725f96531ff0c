using System.Globalization;
using TuiProf.Core.Rendering;
using TuiProf.Core.Text;
using TuiProf.HostileTarget;

namespace TuiProf.Tests.Text;

public class SafeTextTests
{
    [Theory]
    [InlineData("\e]0;PWNED\a", "^[]0;PWNED^G")]
    [InlineData("a\0b", "a^@b")]
    [InlineData("line\nnext\rover", "line^Jnext^Mover")]
    [InlineData("\x7f", "^?")]
    [InlineData("\x1f", "^_")]
    public void C0_controls_and_delete_are_spelled_in_caret_notation(string text, string shown) =>
        Assert.Equal(shown, SafeText.Of(text));

    [Theory]
    [InlineData("\u009b31m", "\\u009b31m")] // C1 CSI
    [InlineData("\u0085", "\\u0085")] // C1 next line
    [InlineData("abc\u202edef", "abc\\u202edef")] // right-to-left override
    [InlineData("\u2066x\u2069", "\\u2066x\\u2069")] // left-to-right isolate and its pop
    [InlineData("a\u200bb\u200dc\ufeff", "a\\u200bb\\u200dc\\ufeff")] // zero-width space and joiner, byte-order mark
    [InlineData("\u2028\u2029", "\\u2028\\u2029")] // line and paragraph separators
    [InlineData("tag\U000E0041", "tag\\U000e0041")] // a format character beyond the BMP (TAG LATIN CAPITAL LETTER A)
    public void Other_controls_and_invisible_format_characters_are_spelled_as_their_code_point(string text, string shown) =>
        Assert.Equal(shown, SafeText.Of(text));

    [Fact]
    public void A_lone_surrogate_is_spelled_as_its_code_point_and_a_pair_is_kept() =>
        Assert.Equal("\\ud800x\\udc00😀", SafeText.Of("\ud800x\udc00😀"));

    [Fact]
    public void A_tab_is_one_space() => Assert.Equal("a b", SafeText.Of("a\tb"));

    [Fact]
    public void Printable_text_of_any_script_is_returned_as_it_is_the_same_string()
    {
        const string text = "Répartition 日本語 λ→μ ⣿▇ ┤ 😀 List`1[System.Int64] <- App.Main()";

        Assert.Same(text, SafeText.Of(text));
    }

    [Fact]
    public void The_hostile_targets_text_is_spelled_as_its_tests_expect_and_spelling_it_again_changes_nothing()
    {
        var shown = SafeText.Of(HostileText.Text);

        Assert.Equal(HostileText.Shown, shown);
        Assert.Same(shown, SafeText.Of(shown));
    }

    [Fact]
    public void No_character_of_the_bmp_that_could_drive_or_hide_from_a_terminal_comes_through()
    {
        for (var c = 0; c <= 0xffff; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var shown = SafeText.Of(((char)c).ToString());
            Assert.All(shown, s => Assert.True(Visible(s), $"U+{c:X4} came through as U+{(int)s:X4}"));
        }
    }

    [Fact]
    public void A_grid_cell_never_holds_a_control_character_written_as_text_or_as_a_glyph()
    {
        var grid = new CellGrid(60, 2);

        grid.Text(0, 0, "Span" + HostileText.Text, CellRole.Label);
        grid.Put(0, 1, '\e', CellRole.Label);
        grid.Put(1, 1, '\u202e', CellRole.Label);

        Assert.Equal("Span" + HostileText.Shown, grid.Line(0).TrimEnd());
        Assert.Equal("??", grid.Line(1).TrimEnd());
    }

    private static bool Visible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate);
}
