using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using TuiProf.Core.Targets;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Sources;

/// <summary>
/// Sampled allocations with their call sites: the managed methods on each sample's stack. The samples are .NET 10's
/// randomized ones (<see cref="AllocationSampling"/>), or before .NET 10 GCAllocationTick (GC keyword at Verbose):
/// both are asked for, and only one kind comes, since a .NET 10 runtime sampling at random sends no tick to any
/// session (measured: 123 246 ticks in 3 s of churn alone, none beside a sampling session). Stacks have names only
/// when the session asks for stack walks and is read through TraceEvent's live TraceLog (<c>TraceLog.CreateFromEventPipeSession</c> with a rundown, as
/// <see cref="AllocationSiteSession"/> does); the Loader and JIT keywords name methods compiled after the rundown, and
/// for a process of this machine R2RGetEntryPoint names the precompiled ones (<see cref="ReadyToRunMethods"/>).
/// </summary>
public sealed class AllocationCallSites(int? localPid) : IRuntimeSource
{
    /// <summary>Frames kept per sample: the allocating method and its callers.</summary>
    public const int KeptFrames = 4;

    // Precompiled methods are named only where their code can be told from the runtime's own (its mappings).
    private readonly ReadyToRunMethods? _precompiled = localPid is { } pid ? new ReadyToRunMethods(new ExecutableMappings(pid)) : null;

    public IReadOnlyList<EventPipeProvider> Providers =>
    [
        new(GcEvents.RuntimeProvider, EventLevel.Verbose,
            GcEvents.GcKeyword | AllocationSampling.Keyword | (long)(ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.Jit |
                                        (_precompiled is null ? 0 : ClrTraceEventParser.Keywords.CompilationDiagnostic))),
    ];

    public void Subscribe(TraceEventDispatcher events, SourceClock clock, Action<TimelineEvent> emit)
    {
        if (_precompiled is { } precompiled)
            events.Clr.MethodR2RGetEntryPoint += e => precompiled.Add((ulong)e.EntryPoint, $"{e.MethodNamespace}.{e.MethodName}");
        events.Clr.GCAllocationTick += e =>
            emit(new AllocationSite(clock.Seconds(e.TimeStamp), e.TypeName, e.AllocationAmount64, Frames(e)));
        events.Clr.AllocationSampling += e =>
            emit(new AllocationSite(clock.Seconds(e.TimeStamp), e.TypeName, (long)Math.Round(AllocationSampling.Weigh(e.ObjectSize).Bytes), Frames(e)));
    }

    /// <summary>The managed methods on the sample's stack, innermost first, without their parameter lists.</summary>
    private IReadOnlyList<string> Frames(TraceEvent e)
    {
        var frames = new List<string>(KeptFrames);
        for (var frame = e.CallStack(); frame is not null && frames.Count < KeptFrames; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name)) name = _precompiled?.NameAt(frame.CodeAddress.Address);
            if (string.IsNullOrEmpty(name)) continue; // the runtime's own allocation helpers
            var parameters = name.IndexOf('(');
            frames.Add(parameters > 0 ? name[..parameters] : name);
        }
        return frames;
    }
}
