using TuiProf.Core.Heap;
using TuiProf.Screen;

namespace TuiProf.Tests.Heap;

public class HeapPanelTests
{
    [Fact]
    public void A_snapshot_lists_types_by_total_size_with_count_and_retained_size_and_says_what_it_cost()
    {
        var lines = HeapPanel.Snapshot(HeapFixtures.Leak(20, 0), "12.0 s", 3, 78);

        Assert.Equal(
            """
            heap at 12.0 s: 4,940 objects, 40.3 MB
            cost: forced GC #23 paused the target 2.3 ms; dump 0.21 s, analysis 0.05 s
               objects      total   retained  type
                    20    40.0 MB    40.0 MB  System.Byte[]
                 1,610   126.9 KB   126.9 KB  System.String
                    20     1.3 KB    40.0 MB  System.EventHandler
            """.ReplaceLineEndings("\n"), string.Join('\n', lines));
    }

    [Fact]
    public void A_diff_puts_the_leaking_buffers_on_top_with_their_size_each()
    {
        var diff = HeapDiff.Between(HeapFixtures.Leak(10, 0), HeapFixtures.Leak(30, 5));

        var lines = HeapPanel.Diff(diff, 2, 78);

        Assert.Equal(
            """
            grew over 5.0 s: +40.0 MB, +40 objects
               objects      bytes       each  type
                   +20   +40.0 MB     2.0 MB  System.Byte[]
                   +20    +1.3 KB       64 B  System.EventHandler
            """.ReplaceLineEndings("\n"), string.Join('\n', lines));
    }

    [Fact]
    public void A_retention_path_names_its_root_and_one_hop_a_line_and_is_cut_to_the_width()
    {
        var lines = HeapPanel.Paths(HeapFixtures.LeakPaths(), 40);

        Assert.Equal(
            """
            what keeps System.Byte[] alive (22 insta
                20 (40.0 MB) via static field Config
                     -> System.EventHandler
                     -> System.Object[]
                     -> System.EventHandler
                     -> <>c__DisplayClass6_0
                     -> System.Byte[]
                 2 (8.2 KB) via stack (local variabl
                     -> System.Object[] x2
                     -> System.Byte[]
            """.ReplaceLineEndings("\n"), string.Join('\n', lines));
        Assert.All(lines, l => Assert.True(l.Length <= 40));
    }
}
