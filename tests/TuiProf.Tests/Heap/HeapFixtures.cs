using TuiProf.Core.Heap;

namespace TuiProf.Tests.Heap;

/// <summary>Hand-made snapshots shaped like leak's, for the pure parts (renderer, recording format).</summary>
public static class HeapFixtures
{
    public static readonly DateTime Taken = new(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc);

    public static HeapSnapshot Leak(int buffers, double seconds) => new(Taken.AddSeconds(seconds), 4_900 + 2 * buffers,
        buffers * 2_000_024L + 260_000,
        [
            new HeapTypeStats("System.Byte[]", buffers, buffers * 2_000_024L, buffers * 2_000_024L),
            new HeapTypeStats("System.String", 1_610, 126_900, 126_900),
            new HeapTypeStats("System.EventHandler", buffers, buffers * 64L, buffers * 2_000_112L),
        ],
        new SnapshotCost(3 + buffers, 2.3, 0.21, 0.05));

    public static RetentionReport LeakPaths() => new("System.Byte[]", 22, 22,
    [
        new RetentionPath(new HeapRoot(RootKind.StaticField, "ConfigurationChanged", "System.EventHandler"),
            [new("System.EventHandler"), new("System.Object[]"), new("System.EventHandler"), new("<>c__DisplayClass6_0"), new("System.Byte[]")],
            20, 40_000_480),
        new RetentionPath(new HeapRoot(RootKind.Stack), [new("System.Object[]", 2), new("System.Byte[]")], 2, 8_192),
    ]);
}
