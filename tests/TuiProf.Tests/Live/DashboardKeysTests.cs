using TuiProf.Core.Targets;
using TuiProf.Live;
using TuiProf.Scenarios;
using TuiProf.Screen;
using TuiProf.Targets;
using static TuiProf.Tests.Live.RecordingProfiler;

namespace TuiProf.Tests.Live;

/// <summary>The key policy on its own: what keys do to the view and ask of the profiler while the help or the attach list is open, and otherwise.</summary>
public class DashboardKeysTests : KeyPolicyTest
{
    [Fact]
    public void Esc_never_quits_and_closes_the_help_the_attach_list_and_a_question()
    {
        var keys = Keys(Running(MyProgram));

        keys.Press("Esc");
        Assert.Equal("Esc closes the help, lists and questions; q or F10 quits", View.Message);
        keys.Press("h");
        keys.Press("Esc");
        Assert.False(View.Help);
        View.Picker = new ProcessPicker([]);
        keys.Press("Esc");
        Assert.Null(View.Picker);
        keys.Press("q");
        keys.Press("Esc");
        Assert.Null(View.Question);

        Assert.Equal(0, Quits);
    }

    [Fact]
    public void Under_top_Esc_and_Backspace_go_back_to_the_list_after_closing_the_help_and_no_key_starts_a_scenario()
    {
        var backs = 0;
        var view = new ViewState { Keys = KeyTable.UnderTop };
        var profiler = Running(MyProgram);
        var keys = new DashboardKeys(profiler, view, ScenarioCatalog.All, () => { }, () => backs++);

        keys.Press("h");
        keys.Press("Esc");
        Assert.Equal(0, backs); // it closed the help
        keys.Press("Esc");
        keys.Press("Backspace");
        Assert.Equal(2, backs);
        Assert.False(keys.Press("1"));
        keys.Press("Enter");
        keys.Press("p");
        Assert.Null(view.Picker);
        Assert.Empty(profiler.Requests);
        Assert.DoesNotContain("1-9 scenario", KeyHints.Line(80, KeyTable.UnderTop));
        Assert.StartsWith(" Esc list", KeyHints.Line(80, KeyTable.UnderTop));
    }

    [Fact]
    public void While_the_help_is_open_a_key_only_closes_it_but_q_still_quits()
    {
        var profiler = Running(BaselineScenario);
        var keys = Keys(profiler);

        keys.Press("F1");
        Assert.True(View.Help);
        keys.Press("g");
        Assert.False(View.Help);
        Assert.Empty(profiler.Requests);
        keys.Press("?");
        keys.Press("q");

        Assert.False(View.Help);
        Assert.Equal(1, Quits);
    }

    [Fact]
    public void In_the_attach_list_arrows_move_enter_attaches_and_any_other_key_closes_it()
    {
        var profiler = Running(BaselineScenario);
        var keys = Keys(profiler);
        View.Picker = new ProcessPicker([new ProcessInfo(100, "a", "a"), new ProcessInfo(200, "b", "b")]);

        keys.Press("Down");
        Assert.Equal(1, View.Picker?.Selected);
        Assert.Equal(0, View.Selected); // the scenario list stays where it was
        keys.Press("Enter");
        Assert.Null(View.Picker);
        Assert.Equal(["attach 200"], profiler.Requests);

        View.Picker = new ProcessPicker([new ProcessInfo(100, "a", "a")]);
        keys.Press("g");
        Assert.Null(View.Picker);
        Assert.Single(profiler.Requests); // g only closed the list
    }

    [Theory]
    [InlineData("g", "gc")]
    [InlineData("s", "snapshot")]
    [InlineData("l", "suspects")]
    [InlineData("]", "show +1")]
    [InlineData("[", "show -1")]
    public void A_key_that_asks_the_profiler_for_something_asks_it_once(string key, string request)
    {
        var profiler = Running(BaselineScenario);

        Assert.True(Keys(profiler).Press(key));

        Assert.Equal([request], profiler.Requests);
    }

    [Fact]
    public void A_key_that_means_nothing_is_not_handled()
    {
        var keys = Keys(Running(BaselineScenario));

        Assert.False(keys.Press("x"));
        Assert.False(keys.Press(""));
    }
}
