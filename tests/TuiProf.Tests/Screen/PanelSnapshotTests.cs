using TuiProf.Core.Heap;
using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;
using TuiProf.Screen;
using TuiProf.Screen.Panels;
using TuiProf.Tests.Heap;

namespace TuiProf.Tests.Screen;

/// <summary>
/// Every panel of the list, drawn from one session's data at the width the panel gets at 80 columns: its title and
/// each line with its role. A panel added to the list without a snapshot here fails.
/// </summary>
public class PanelSnapshotTests
{
    private const int Width = 55, Rows = 8;

    public static TheoryData<string> Panels => [.. PanelList.All.Select(panel => panel.ShortName)];

    [Theory]
    [MemberData(nameof(Panels))]
    public void Each_panel_draws_the_sessions_data_as_its_snapshot_says(string name)
    {
        var panel = PanelList.All.Single(p => p.ShortName == name);
        var frame = Frame(panel);

        var drawn = string.Join('\n', [
            $"{panel.Title(frame)}{(panel.ReadsFromEnd ? " (read from its end)" : "")}",
            .. panel.Lines(frame, Width, Rows).Select(l => $"{l.Role,-9}|{l.Text}".TrimEnd())]);

        Assert.True(PanelSnapshots.Of.TryGetValue(name, out var expected), $"no snapshot of the {name} panel; it draws:\n{drawn}");
        Assert.Equal(expected.ReplaceLineEndings("\n"), drawn);
    }

    [Fact]
    public void Before_any_snapshot_the_heap_panel_says_how_to_take_one_in_lines_that_fit_every_word_kept()
    {
        var panel = new HeapSnapshotPanel();
        var frame = Frame(panel);
        frame = frame with { Sources = frame.Sources with { Heap = null } };

        var lines = panel.Lines(frame, Width, Rows).Select(l => l.Text).ToList();

        Assert.All(lines, line => Assert.True(line.Length <= Width, $"'{line}' is wider than {Width}"));
        Assert.Equal("Press s for a heap snapshot of the shown process: it runs one full GC (a marker on the graph) and lists " +
                     "the live types by total size; a second one shows what grew, and the path from a root that keeps it.",
            string.Join(' ', lines)); // at 80 columns the words between two lines were cut
    }

    [Fact]
    public void Every_snapshot_is_of_a_panel_in_the_list() =>
        Assert.Empty(PanelSnapshots.Of.Keys.Except(PanelList.All.Select(panel => panel.ShortName)));

    private static DashboardFrame Frame(IPanel panel)
    {
        var timeline = new Core.Timeline.Timeline();
        foreach (var e in Session().OrderBy(e => e is Bracket call ? call.End : e.T)) timeline.Apply(e); // a call arrives as it ends
        var window = timeline.Window(0, 10);
        return new DashboardFrame
        {
            Target = "leak",
            Status = "pid 130 running",
            Live = true,
            Window = window,
            Stats = timeline.Stats(),
            Scenarios = ["leak"],
            SelectedScenario = 0,
            LookFor = ("leak", "Each request adds a 2 MB buffer that a static event keeps alive: the heap climbs in steps and an induced gen-2 GC frees none of it."),
            Output = timeline.RecentOutput(30),
            Panel = panel,
            Glyphs = ChartGlyphs.Ascii,
            // A process with a name too long for its column, too.
            Sources = DotnetRunTree.In(new PanelSources(timeline)) with
            {
                Processes = [.. DotnetRunTree.Processes, new ProcessStarted(3, 140, 130, "VBCSCompiler-with-a-long-name", "VBCSCompiler.dll", Followed: false)],
                Heap = new HeapFindings(HeapFixtures.Leak(22, 2.2), 8.5,
                    HeapDiff.Between(HeapFixtures.Leak(2, 0), HeapFixtures.Leak(22, 2.2)), HeapFixtures.LeakPaths(),
                    [HeapFixtures.Leak(2, 0), HeapFixtures.Leak(22, 2.2)], []),
            },
        };
    }

    /// <summary>Ten seconds of leak: memory readings, two GCs (one induced), nested calls with their allocations, samples, counters, output.</summary>
    private static IEnumerable<TimelineEvent> Session()
    {
        for (var t = 0.0; t <= 10; t += 0.5)
            yield return new MemorySample(t, Rss: 40_000_000 + (long)(t * 4_000_000), Heap: 10_000_000 + (long)(t * 2_000_000));
        yield return new GcEvent(2.25, 1, 0, "AllocSmall", "BackgroundGC", 0.5, 0.8, 14_000_000, 9_000_000);
        yield return new GcEvent(6.25, 2, 2, "Induced", "NonConcurrentGC", 1.2, 3.4, 22_000_000, 21_500_000);
        // With --allocations: what each call allocated; the last one moved threads and has no figure.
        yield return new Bracket(1, 1.5, "a", "HandleRequest", 0, 1) { Allocated = new CallAllocation(2_000_024, 594_857) };
        yield return new Bracket(3.2, 3.4, "c", "ParseConfigurationSection", 1, 1) { Allocated = new CallAllocation(120_000, 594_857) };
        yield return new Bracket(3, 4, "b", "HandleRequest", 0, 1) { Allocated = new CallAllocation(2_520_024, 600_112) };
        yield return new Bracket(7, 8, "d", "HandleRequest", 0, 1);
        foreach (var (t, type, bytes) in new[] { (1.2, "System.Byte[]", 2_000_024L), (3.5, "System.Byte[]", 2_000_024L), (3.6, "System.String", 120_000L), (5, "System.Int32[]", 400_000L), (7.5, "System.Byte[]", 2_000_024L) })
        {
            yield return new AllocationSample(t, type, bytes);
            yield return new AllocationSite(t, type, bytes, [type == "System.String" ? "System.String.Concat" : "Leak.Program.HandleRequest", "Leak.Program.Main"]);
        }
        yield return new CounterReading(5, new CounterId("System.Runtime", "alloc-rate", "Allocation Rate", "B", IsRate: true), 4_000_000);
        yield return new CounterReading(5, new CounterId("System.Runtime", "gen-0-gc-count", "Gen 0 GC Count", ""), 1);
        yield return new OutputLine(1, "listening on :8080");
        yield return new OutputLine(4, "request 2 served in 1.00 s; keeping its 2 MB buffer for the ConfigurationChanged event");
        yield return new OutputLine(8, "warning: memory above 70 MB", IsError: true);
    }
}
