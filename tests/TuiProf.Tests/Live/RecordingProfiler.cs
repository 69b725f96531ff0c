using TuiProf.Live;
using TuiProf.Targets;

namespace TuiProf.Tests.Live;

/// <summary>
/// A stand-in for the profiler that the key policy drives: a target as the test sets it, and a list of what the keys
/// asked of it, in words ("start baseline", "attach 42", "restart", "gc", "show +1"...).
/// </summary>
public sealed class RecordingProfiler : IProfilerControl
{
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
    public void ShowNext(int step) => Record($"show {step:+0;-0}");

    private Task Record(string request)
    {
        Requests.Add(request);
        return Task.CompletedTask;
    }
}
