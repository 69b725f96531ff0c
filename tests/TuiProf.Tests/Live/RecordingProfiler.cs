using TuiProf.Live;
using TuiProf.Scenarios;
using TuiProf.Targets;

namespace TuiProf.Tests.Live;

/// <summary>
/// A stand-in for the profiler that the key policy drives: a target as the test sets it, and a list of what the keys
/// asked of it, in words ("start baseline", "attach 42", "restart", "gc", "show +1"...).
/// </summary>
public sealed class RecordingProfiler : IProfilerControl
{
    public const int Pid = 4242;
    public static readonly TargetSpec MyProgram = new TargetSpec.Command(["dotnet", "app.dll"]);
    public static readonly TargetSpec BaselineScenario = new TargetSpec.Scenario(ScenarioCatalog.All[0], Loop: true);
    /// <summary>This test process, attached to: a real name to show.</summary>
    public static readonly TargetSpec Attached = new TargetSpec.Process(Environment.ProcessId);

    /// <summary>The target with its own process, running unless <paramref name="exited"/>.</summary>
    public static RecordingProfiler Running(TargetSpec target, bool exited = false) =>
        new() { Target = target, ProcessId = target is TargetSpec.Process p ? p.Pid : Pid, HasExited = exited };

    public TargetSpec? Target { get; init; }
    public int? ProcessId { get; init; }
    public bool HasExited { get; init; }
    public double Now => 12;
    public double Oldest => 3;

    public List<string> Requests { get; } = [];

    public Task StartAsync(TargetSpec? target) => Record(target switch
    {
        null => "restart",
        TargetSpec.Process process => $"attach {process.Pid}",
        _ => $"start {target.DisplayName}",
    });
    public Task ForceGcAsync() => Record("gc");
    public Task TakeHeapSnapshotAsync() => Record("snapshot");
    public Task FindLeakSuspectsAsync() => Record("suspects");
    public void ShowNext(int step) => Record($"show {step:+0;-0}");

    private Task Record(string request)
    {
        Requests.Add(request);
        return Task.CompletedTask;
    }
}
