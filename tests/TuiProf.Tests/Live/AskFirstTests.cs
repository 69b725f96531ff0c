using TuiProf.Core.Targets;
using TuiProf.Live;
using TuiProf.Scenarios;
using TuiProf.Screen;
using TuiProf.Targets;
using static TuiProf.Tests.Live.RecordingProfiler;

namespace TuiProf.Tests.Live;

/// <summary>"Ask before ending your program": which keys ask first, and what answers yes, tested on the key policy alone.</summary>
public class AskFirstTests : KeyPolicyTest
{
    [Fact]
    public void Q_on_a_launched_program_of_the_user_asks_before_ending_it()
    {
        Keys(Running(MyProgram)).Press("q");

        Assert.Equal($"Quit and end pid {Pid} (dotnet app.dll)?", View.Question?.Text);
        Assert.Equal(0, Quits);
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

        Assert.Equal(1, Quits);
        Assert.Null(View.Question);
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

        Assert.Equal(0, Quits);
        Assert.Null(View.Question);
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
            "a scenario" => Running(BaselineScenario),
            "my program, exited" => Running(MyProgram, exited: true),
            _ => Running(Attached),
        };

        Keys(profiler).Press("q");

        Assert.Null(View.Question);
        Assert.Equal(1, Quits);
    }

    [Fact]
    public void One_while_attached_asks_to_detach_and_one_again_does()
    {
        var profiler = Running(Attached);
        var keys = Keys(profiler);

        keys.Press("1");
        Assert.Equal($"Detach from pid {Environment.ProcessId} ({Attached.DisplayName}) (it keeps running) and run baseline?", View.Question?.Text);
        Assert.Empty(profiler.Requests);
        keys.Press("1");

        Assert.Equal(["start baseline"], profiler.Requests);
    }

    [Fact]
    public void A_scenario_key_on_my_launched_program_asks_before_ending_it()
    {
        var profiler = Running(MyProgram);

        Keys(profiler).Press("2");

        Assert.Equal($"End pid {Pid} (dotnet app.dll) and run {ScenarioCatalog.All[1].Name}?", View.Question?.Text);
        Assert.Equal(1, View.Selected);
        Assert.Empty(profiler.Requests);
    }

    [Fact]
    public void A_scenario_key_on_a_scenario_switches_at_once()
    {
        var profiler = Running(BaselineScenario);

        Keys(profiler).Press("2");

        Assert.Null(View.Question);
        Assert.Equal([$"start {ScenarioCatalog.All[1].Name}"], profiler.Requests);
    }

    [Fact]
    public void R_on_an_attached_process_says_it_restarts_only_what_tuiprof_launched()
    {
        var profiler = Running(Attached);

        Keys(profiler).Press("r");

        Assert.Equal($"attached to pid {Environment.ProcessId}: r restarts only what TuiProf launched", View.Message);
        Assert.Null(View.Question);
        Assert.Empty(profiler.Requests);
    }

    [Fact]
    public void R_on_my_running_program_asks_and_y_restarts_it()
    {
        var profiler = Running(MyProgram);
        var keys = Keys(profiler);

        keys.Press("r");
        Assert.Equal($"End pid {Pid} (dotnet app.dll) and start it again?", View.Question?.Text);
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
    public void Enter_in_the_attach_list_asks_before_ending_my_program()
    {
        var profiler = Running(MyProgram);
        View.Picker = new ProcessPicker([new ProcessInfo(100, "a", "a")]);

        Keys(profiler).Press("Enter");

        Assert.Equal($"End pid {Pid} (dotnet app.dll) and attach to pid 100?", View.Question?.Text);
        Assert.Empty(profiler.Requests);
    }
}
