using TuiProf.Top;

namespace TuiProf.Tests.Top;

/// <summary>What the keys of <c>tuiprof top</c>'s list do, in-process.</summary>
public class TopKeysTests
{
    private readonly TopState _state = new();
    private readonly List<string> _opened = [], _collected = [];
    private bool _quit;
    private readonly IReadOnlyList<ProcessRow> _rows;
    private readonly TopKeys _keys;

    public TopKeysTests()
    {
        _rows = _state.Shown(
        [
            new ProcessRow("pid 1", 1, "big", "big", null, false, null),
            new ProcessRow("pid 2", 2, "small", "small --loop", null, false, null),
        ]);
        _keys = new TopKeys(_state, () => _state.Shown(_rows), row => _opened.Add(row.Key), row => _collected.Add(row.Key), () => _quit = true);
    }

    [Fact]
    public void Down_then_Enter_opens_the_second_process_and_g_collects_the_selected_one()
    {
        _keys.Press("Down");
        _keys.Press("Enter");
        _keys.Press("g");

        Assert.Equal(["pid 2"], _opened);
        Assert.Equal(["pid 2"], _collected);
    }

    [Fact]
    public void Slash_types_a_filter_that_Enter_keeps_and_Esc_later_clears_while_q_typed_into_it_does_not_quit()
    {
        foreach (var key in new[] { "/", "l", "o", "q", "Backspace", "o", "p", "Enter" }) _keys.Press(key);

        Assert.Equal("loop", _state.Filter);
        Assert.False(_quit);
        Assert.Equal(["pid 2"], _state.Shown(_rows).Select(r => r.Key));

        _keys.Press("Esc");
        Assert.Equal("", _state.Filter);
        _keys.Press("q");
        Assert.True(_quit);
    }

    [Fact]
    public void S_goes_through_every_sort_and_back_to_the_first()
    {
        var seen = new List<string>();
        foreach (var _ in ProcessSort.All)
        {
            seen.Add(_state.Sort.Name);
            _keys.Press("s");
        }

        Assert.Equal(ProcessSort.Names, seen);
        Assert.Equal(ProcessSort.All[0], _state.Sort);
        _keys.Press("<");
        Assert.Equal("name", _state.Sort.Name);
    }
}
