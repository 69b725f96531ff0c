namespace TuiProf.Tests.Screen;

/// <summary>What each panel draws of <see cref="PanelSnapshotTests"/>' session: its title, then each line's role and text.</summary>
public static class PanelSnapshots
{
    public static readonly IReadOnlyDictionary<string, string> Of = new Dictionary<string, string>
    {
        ["text"] =
            """
            What to look for: leak
            Label    |Each request adds a 2 MB buffer that a static event
            Label    |keeps alive: the heap climbs in steps and an induced
            Label    |gen-2 GC frees none of it.
            """,
        ["GCs"] =
            """
            Recent GCs
            Muted    |     #  gen reason        pause    heap before -> after
            GcInduced|     2   2  Induced        3.40ms   22.0 MB -> 21.5 MB
            Label    |     1   0  AllocSmall     0.80ms   14.0 MB -> 9.0 MB
            """,
        ["calls"] =
            """
            Recent calls
            Muted    |     at call              time  heap +/-      allocated
            Label    |   7.0s HandleRequest    1.00s   +2.0 MB              -
            Label    |   3.0s HandleRequest    1.00s   +2.0 MB  2.5 MB +/-0.6
            Label    |   3.2s   ParseConfigu~  0.20s         -  0.1 MB +/-0.6
            Label    |   1.0s HandleRequest    0.50s   +1.0 MB  2.0 MB +/-0.6
            """,
        ["allocs"] =
            """
            Allocations by type (sampled every ~100 KB)
            Muted    |whole session
            Label    |    6.0 MB  System.Byte[]
            Label    |    0.4 MB  System.Int32[]
            Label    |    0.1 MB  System.String
            Muted    |last call: HandleRequest at 7.0s
            Label    |    2.0 MB  System.Byte[]
            Muted    |
            Muted    |
            Label    |call sites in view (type <- method)
            Label    |     bytes  samples  type <- call site
            Label    |    6.0 MB        3  Byte[] <- Program.HandleRequest
            Label    |  400.0 KB        1  Int32[] <- Program.HandleRequest
            Label    |  120.0 KB        1  String <- String.Concat
            """,
        ["counters"] =
            """
            Counters (latest)
            Label    |        4.0 MB/s  alloc-rate
            Label    |               1  gen-0-gc-count
            """,
        ["output"] =
            """
            Target output (read from its end)
            Label    |listening on :8080
            Label    |request 2 served in 1.00 s; keeping its 2 MB buffer for
            Label    |the ConfigurationChanged event
            Alert    |warning: memory above 70 MB
            """,
        ["procs"] =
            """
            Processes ([ ] shows another)
            Muted    |     pid  parent  name             state
            Label    |     100      90  dotnet           running, profiled
            Muted    |     120     100  csc              exited, listed only
            Label    |>    130     100  App              running, profiled
            Muted    |     140     130  VBCSCompiler-wi~ running, listed only
            """,
        ["heap"] =
            """
            Heap (s: snapshot, l: leak suspects)
            Label    |grew over 2.2 s: +40.0 MB, +40 objects
            Label    |   objects      bytes       each  type
            Label    |       +20   +40.0 MB     2.0 MB  System.Byte[]
            Label    |       +20    +1.3 KB       64 B  System.EventHandler
            Label    |
            Label    |what keeps System.Byte[] alive (22 instances)
            Label    |    20 (40.0 MB) via static field ConfigurationChanged
            Label    |         -> System.EventHandler
            Label    |         -> System.Object[]
            Label    |         -> System.EventHandler
            Label    |         -> <>c__DisplayClass6_0
            Label    |         -> System.Byte[]
            Label    |     2 (8.2 KB) via stack (local variable)
            Label    |         -> System.Object[] x2
            Label    |         -> System.Byte[]
            Label    |
            Label    |heap at 8.5 s: 4,944 objects, 44.3 MB
            Label    |cost: forced GC #25 paused the target 2.3 ms; dump 0.21
            Label    |   objects      total   retained  type
            Label    |        22    44.0 MB    44.0 MB  System.Byte[]
            Label    |     1,610   126.9 KB   126.9 KB  System.String
            Label    |        22     1.4 KB    44.0 MB  System.EventHandler
            """,
    };
}
