using System.Diagnostics.Tracing;

namespace TuiProf.Scenarios;

/// <summary>
/// An application's own EventCounters, as any program may publish them: what <c>tuiprof --counters
/// TuiProf.Scenarios</c> adds to the Counters panel beside the runtime's.
/// </summary>
[EventSource(Name = "TuiProf.Scenarios")]
public sealed class ScenarioCounters : EventSource
{
    public static readonly ScenarioCounters Log = new();
    private long _objects;
    private IncrementingPollingCounter? _objectRate;

    private ScenarioCounters() { }

    public void Allocated(long objects) => Interlocked.Add(ref _objects, objects);

    protected override void OnEventCommand(EventCommandEventArgs command)
    {
        if (command.Command == EventCommand.Enable)
            _objectRate ??= new IncrementingPollingCounter("objects-allocated", this, () => Interlocked.Read(ref _objects))
            {
                DisplayName = "Objects allocated",
                DisplayRateTimeScale = TimeSpan.FromSeconds(1),
            };
    }
}
