using TuiProf.Core.Heap;
using TuiProf.Core.Diagnostics;
using TuiProf.Live;
using TuiProf.Scenarios;
using TuiProf.Targets;
using TuiProf.Tests.Faults;

namespace TuiProf.Tests.Live;

/// <summary>The key policy driving the real live profiler: what the background requests say reaches the view only through the UI thread.</summary>
public class ProfilerControlTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly ViewState _view = new();

    [Theory(Timeout = 30_000)]
    [InlineData("g", "forcing a full GC...", "no running target to collect")]
    [InlineData("s", "taking a heap snapshot (a full GC)...", "no running target to take a heap snapshot of")]
    public async Task What_a_request_in_the_background_says_reaches_the_status_line_only_when_the_ui_thread_shows_outcomes(
        string key, string meanwhile, string refusal)
    {
        await using var profiler = new LiveProfiler(new SessionOptions());
        var control = new ProfilerControl(profiler, _view);

        await (key == "g" ? control.ForceGcAsync() : control.TakeHeapSnapshotAsync());
        Assert.Equal(meanwhile, _view.Message);
        control.ShowOutcomes();

        Assert.Equal(refusal, _view.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Attached_to_a_running_program_the_keys_leave_it_out_of_the_attach_list_and_running_when_they_switch_to_a_scenario()
    {
        await using var running = new RunningScenario("leak");
        await Signals.WaitForSocketAsync(running.ProcessId, Limit);
        await using var profiler = new LiveProfiler(new SessionOptions());
        var control = new ProfilerControl(profiler, _view);
        var quits = 0;
        var keys = new DashboardKeys(control, _view, ScenarioCatalog.All, () => quits++);
        await control.StartAsync(new TargetSpec.Process(running.ProcessId));
        Assert.Equal($"pid {running.ProcessId} running", profiler.Status);

        keys.Press("p");
        Assert.DoesNotContain(running.ProcessId, _view.Picker!.Processes.Select(p => p.Pid));
        keys.Press("Esc");
        keys.Press("r");
        Assert.Equal($"attached to pid {running.ProcessId}: r restarts only what TuiProf launched", _view.Message);
        keys.Press("1");
        Assert.StartsWith($"Detach from pid {running.ProcessId} (", _view.Question?.Text);
        var scenarioShown = new TaskCompletionSource();
        profiler.ShowNow += () => { if (profiler.Target is TargetSpec.Scenario) scenarioShown.TrySetResult(); };
        keys.Press("1");
        await scenarioShown.Task.WaitAsync(Limit);

        Assert.Equal("baseline", profiler.TargetName);
        Assert.NotEqual(running.ProcessId, profiler.ProcessId);
        Assert.False(running.HasExited, "switching away ended the program it was attached to");
        Assert.Equal(0, quits);
    }

    [Fact(Timeout = 90_000)]
    public async Task L_takes_three_snapshots_and_on_leak_the_heap_findings_rank_its_buffers_first()
    {
        await using var profiler = new LiveProfiler(new SessionOptions());
        // The scenario pauses 1 s between its 2 s runs: 2 s apart, every interval holds at least 1 s of requests.
        var control = new ProfilerControl(profiler, _view, suspectsEvery: TimeSpan.FromSeconds(2));
        await control.StartAsync(new TargetSpec.Scenario(ScenarioCatalog.Find("leak")!, Loop: true));

        await control.FindLeakSuspectsAsync();
        control.ShowOutcomes();

        Assert.True(profiler.Heap?.Series.Count == 3, _view.Message);
        Assert.True(profiler.Heap!.Suspects.Count > 0, _view.Message + ": System.Byte[] count, bytes, retained: " +
            string.Join(" | ", profiler.Heap.Series.Select(s => s.Types.FirstOrDefault(t => t.Name == "System.Byte[]")).Select(t => $"{t?.Count} {t?.Bytes} {t?.Retained}")));
        Assert.True(profiler.Heap.Suspects[0].Type == "System.Byte[]", string.Join("; ", profiler.Heap.Suspects.Select(s => s.Type + " " + s.Verdict)));
        Assert.StartsWith("leak suspects: System.Byte[] first, grew in all 2 intervals", _view.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task With_a_snapshot_condition_the_live_screen_takes_a_snapshot_when_leak_crosses_it_and_says_so()
    {
        await using var profiler = new LiveProfiler(new SessionOptions(), new SnapshotRule("heap>20MB", TimeSpan.FromMinutes(5), null));
        var control = new ProfilerControl(profiler, _view);
        var said = new TaskCompletionSource<string>();
        profiler.ShowNow += () => { if (profiler.Timeline.LastNotice?.Text is { } text && text.StartsWith("heap snapshot 1: ")) said.TrySetResult(text); };

        await control.StartAsync(new TargetSpec.Scenario(ScenarioCatalog.Find("leak")!, Loop: true));
        var notice = await said.Task.WaitAsync(Limit);

        Assert.Matches(@"^heap snapshot 1: [\d,]+ objects, [\d.]+ MB \(tab: heap\)$", notice);
        Assert.True(profiler.Heap?.Snapshot.TotalBytes > 20_000_000, $"{profiler.Heap?.Snapshot.TotalBytes}");
        Assert.Contains(profiler.Heap!.Snapshot.Handlers, h => h.DelegateType == "System.EventHandler");
    }
}
