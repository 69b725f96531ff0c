using TuiProf.Live;
using TuiProf.Scenarios;

namespace TuiProf.Tests.Live;

/// <summary>The key policy over a fresh view, with its quit counted: no terminal, and no process behind the stand-in profiler.</summary>
public abstract class KeyPolicyTest
{
    protected ViewState View { get; } = new();

    protected int Quits { get; private set; }

    protected DashboardKeys Keys(RecordingProfiler profiler) => new(profiler, View, ScenarioCatalog.All, () => Quits++);
}
