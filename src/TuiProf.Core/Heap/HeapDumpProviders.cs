using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace TuiProf.Core.Heap;

/// <summary>The session that asks the runtime for a heap dump, as dotnet-gcdump does.</summary>
internal static class HeapDumpProviders
{
    /// <summary>
    /// GCHeapSnapshot = GC + GCHeapCollect (force a full blocking GC) + GCHeapDump (walk the heap during it, as bulk
    /// object, reference and root events) + Type (type names). Stack walks are off: the dump's events are raised by
    /// the GC thread, and a stack per bulk event is pure cost to the paused target.
    /// </summary>
    public static EventPipeSessionConfiguration Session() => new(
        [new EventPipeProvider(Sources.GcEvents.RuntimeProvider, EventLevel.Verbose,
            (long)ClrTraceEventParser.Keywords.GCHeapSnapshot)],
        circularBufferSizeMB: BufferMB, rundownKeyword: 0, requestStackwalk: false);

    /// <summary>
    /// The runtime logs each type's name once and remembers it, so a second dump would list objects of unnamed
    /// types; any session start with this provider makes it forget (dotnet-gcdump does the same before a dump).
    /// </summary>
    public static EventPipeSessionConfiguration TypeTableFlush() => new(
        [new EventPipeProvider(Sources.GcEvents.RuntimeProvider, EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC)],
        circularBufferSizeMB: 1, rundownKeyword: 0, requestStackwalk: false);

    /// <summary>
    /// The target's EventPipe buffer for the dump (allocated as it fills): a heap's events must fit while TuiProf
    /// reads them, or some are dropped and the snapshot is marked incomplete.
    /// </summary>
    public const int BufferMB = 256;
}
