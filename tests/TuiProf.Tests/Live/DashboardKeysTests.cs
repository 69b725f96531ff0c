using TuiProf.Core.Targets;
using TuiProf.Live;
using TuiProf.Scenarios;
using TuiProf.Screen;
using TuiProf.Targets;

namespace TuiProf.Tests.Live;

/// <summary>The key policy on its own: what each key does to the view and asks of the profiler, no terminal, no process.</summary>
public class DashboardKeysTests
{
    private const int Pid = 4242;
    private static readonly TargetSpec MyProgram = new TargetSpec.Command(["dotnet", "app.dll"]);
    private static readonly TargetSpec Baseline = new TargetSpec.Scenario(ScenarioCatalog.All[0], Loop: true);
    private static readonly TargetSpec Attached = new TargetSpec.Process(Environment.ProcessId);

    private readonly ViewState _view = new();
    private int _quits;

    private DashboardKeys Keys(RecordingProfiler profiler) => new(profiler, _view, ScenarioCatalog.All, () => _quits++);

    private static RecordingProfiler Running(TargetSpec target, bool exited = false) =>
        new() { Target = target, ProcessId = target is TargetSpec.Process p ? p.Pid : Pid, HasExited = exited };

    [Fact]
    public void Q_on_a_launched_program_of_the_user_asks_before_ending_it()
    {
        Keys(Running(MyProgram)).Press("q");

        Assert.Equal($"Quit and end pid {Pid} (dotnet app.dll)?", _view.Question?.Text);
        Assert.Equal(0, _quits);
    }

    [Theory]
    [InlineData("q", "q")]
    [InlineData("q", "y")]
    [InlineData("F10", "F10")]
    [InlineData("Ctrl-C", "Y")]
    public void The_same_key_again_or_y_ends_it(string first, string second)
    {
        var keys = Keys(Running(MyProgram));

        keys.Press(first);
        keys.Press(second);

        Assert.Equal(1, _quits);
        Assert.Null(_view.Question);
    }

    [Theory]
    [InlineData("n")]
    [InlineData("Esc")]
    [InlineData("Q")] // quit too, but not the key that was asked about
    [InlineData("g")]
    [InlineData("1")]
    public void Any_other_key_after_the_question_keeps_it_running_and_does_nothing_else(string other)
    {
        var profiler = Running(MyProgram);
        var keys = Keys(profiler);

        keys.Press("q");
        Assert.True(keys.Press(other));

        Assert.Equal(0, _quits);
        Assert.Null(_view.Question);
        Assert.Empty(profiler.Requests);
    }

    [Theory]
    [InlineData("a scenario")]
    [InlineData("an attached process, which runs on")]
    [InlineData("my program, exited")]
    public void Q_quits_at_once_when_it_ends_no_running_program_of_the_user(string target)
    {
        var profiler = target switch
        {
            "a scenario" => Running(Baseline),
            "my program, exited" => Running(MyProgram, exited: true),
            _ => Running(Attached),
        };

        Keys(profiler).Press("q");

        Assert.Null(_view.Question);
        Assert.Equal(1, _quits);
    }

    [Fact]
    public void One_while_attached_asks_to_detach_and_one_again_does()
    {
        var profiler = Running(Attached);
        var keys = Keys(profiler);

        keys.Press("1");
        Assert.Equal($"Detach from pid {Environment.ProcessId} ({Attached.DisplayName}) (it keeps running) and run baseline?", _view.Question?.Text);
        Assert.Empty(profiler.Requests);
        keys.Press("1");

        Assert.Equal(["start baseline"], profiler.Requests);
    }

    [Fact]
    public void A_scenario_key_on_my_launched_program_asks_before_ending_it()
    {
        var profiler = Running(MyProgram);

        Keys(profiler).Press("2");

        Assert.Equal($"End pid {Pid} (dotnet app.dll) and run {ScenarioCatalog.All[1].Name}?", _view.Question?.Text);
        Assert.Equal(1, _view.Selected);
        Assert.Empty(profiler.Requests);
    }

    [Fact]
    public void A_scenario_key_on_a_scenario_switches_at_once()
    {
        var profiler = Running(Baseline);

        Keys(profiler).Press("2");

        Assert.Null(_view.Question);
        Assert.Equal([$"start {ScenarioCatalog.All[1].Name}"], profiler.Requests);
    }

    [Fact]
    public void R_on_an_attached_process_says_it_restarts_only_what_tuiprof_launched()
    {
        var profiler = Running(Attached);

        Keys(profiler).Press("r");

        Assert.Equal($"attached to pid {Environment.ProcessId}: r restarts only what TuiProf launched", _view.Message);
        Assert.Null(_view.Question);
        Assert.Empty(profiler.Requests);
    }

    [Fact]
    public void R_on_my_running_program_asks_and_y_restarts_it()
    {
        var profiler = Running(MyProgram);
        var keys = Keys(profiler);

        keys.Press("r");
        Assert.Equal($"End pid {Pid} (dotnet app.dll) and start it again?", _view.Question?.Text);
        keys.Press("y");

        Assert.Equal(["restart"], profiler.Requests);
    }

    [Fact]
    public void R_on_my_program_that_has_exited_restarts_it_at_once()
    {
        var profiler = Running(MyProgram, exited: true);

        Keys(profiler).Press("r");

        Assert.Equal(["restart"], profiler.Requests);
    }

    [Fact]
    public void Esc_never_quits_and_closes_the_help_the_attach_list_and_a_question()
    {
        var keys = Keys(Running(MyProgram));

        keys.Press("Esc");
        Assert.Equal("Esc closes the help, lists and questions; q or F10 quits", _view.Message);
        keys.Press("h");
        keys.Press("Esc");
        Assert.False(_view.Help);
        _view.Picker = new ProcessPicker([]);
        keys.Press("Esc");
        Assert.Null(_view.Picker);
        keys.Press("q");
        keys.Press("Esc");
        Assert.Null(_view.Question);

        Assert.Equal(0, _quits);
    }

    [Fact]
    public void While_the_help_is_open_a_key_only_closes_it_but_q_still_quits()
    {
        var profiler = Running(Baseline);
        var keys = Keys(profiler);

        keys.Press("F1");
        Assert.True(_view.Help);
        keys.Press("g");
        Assert.False(_view.Help);
        Assert.Empty(profiler.Requests);
        keys.Press("?");
        keys.Press("q");

        Assert.False(_view.Help);
        Assert.Equal(1, _quits);
    }

    [Fact]
    public void In_the_attach_list_arrows_move_enter_attaches_and_any_other_key_closes_it()
    {
        var profiler = Running(Baseline);
        var keys = Keys(profiler);
        _view.Picker = new ProcessPicker([new ProcessInfo(100, "a", "a"), new ProcessInfo(200, "b", "b")]);

        keys.Press("Down");
        Assert.Equal(1, _view.Picker?.Selected);
        Assert.Equal(0, _view.Selected); // the scenario list stays where it was
        keys.Press("Enter");
        Assert.Null(_view.Picker);
        Assert.Equal(["attach 200"], profiler.Requests);

        _view.Picker = new ProcessPicker([new ProcessInfo(100, "a", "a")]);
        keys.Press("g");
        Assert.Null(_view.Picker);
        Assert.Single(profiler.Requests); // g only closed the list
    }

    [Fact]
    public void Enter_in_the_attach_list_asks_before_ending_my_program()
    {
        var profiler = Running(MyProgram);
        _view.Picker = new ProcessPicker([new ProcessInfo(100, "a", "a")]);

        Keys(profiler).Press("Enter");

        Assert.Equal($"End pid {Pid} (dotnet app.dll) and attach to pid 100?", _view.Question?.Text);
        Assert.Empty(profiler.Requests);
    }

    [Theory]
    [InlineData("g", "gc")]
    [InlineData("s", "snapshot")]
    [InlineData("]", "show +1")]
    [InlineData("[", "show -1")]
    public void A_key_that_asks_the_profiler_for_something_asks_it_once(string key, string request)
    {
        var profiler = Running(Baseline);

        Assert.True(Keys(profiler).Press(key));

        Assert.Equal([request], profiler.Requests);
    }

    [Fact]
    public void A_key_that_means_nothing_is_not_handled()
    {
        var keys = Keys(Running(Baseline));

        Assert.False(keys.Press("x"));
        Assert.False(keys.Press(""));
    }
}
