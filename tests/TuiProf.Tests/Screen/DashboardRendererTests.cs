using TuiProf.Core.Rendering;
using TuiProf.Core.Timeline;
using TuiProf.Screen;
using TuiProf.Screen.Panels;

namespace TuiProf.Tests.Screen;

public class DashboardRendererTests
{
    private static readonly Bracket Call = new(1, 2, "b", "RandomNumberAverage", 0, 1);
    private static readonly GcEvent Gc = new(3, 4, 2, "Induced", "NonConcurrentGC", 1.2, 1.5, 40_500_000, 400_000);

    /// <summary>
    /// What the panels read: the call and the GC, with readings around the call that give it a 48 MB peak and
    /// +24 MB across it, and whatever a test adds.
    /// </summary>
    private static PanelSources Sources(params TimelineEvent[] more)
    {
        var timeline = new Core.Timeline.Timeline();
        TimelineEvent[] readings = [new MemorySample(1, Rss: 40_000_000, Heap: 1_000_000), new MemorySample(1.5, Rss: 48_000_000),
            new MemorySample(2, Heap: 25_000_000), Call, Gc];
        foreach (var e in readings.Concat(more).OrderBy(e => e.T)) timeline.Apply(e);
        return new PanelSources(timeline);
    }

    private static DashboardFrame Frame(IPanel? panel = null, bool help = false)
    {
        var events = new List<TimelineEvent>();
        for (var t = 0.0; t <= 5; t += 0.25)
        {
            events.Add(new MemorySample(t, Rss: 40_000_000 + (long)(t * 8_000_000)));
            events.Add(new MemorySample(t, Heap: t < 3 ? 24_000_000 : 1_000_000));
        }
        var timeline = new Core.Timeline.Timeline();
        foreach (var e in events.Append(Gc).Append(Call).Append(new OutputLine(4, "Averages: 49.5")))
            timeline.Apply(e);
        return new DashboardFrame
        {
            Target = "manual-collect",
            Status = "pid 42 running",
            Live = true,
            Window = timeline.Window(0, 5),
            Stats = timeline.Stats(),
            Scenarios = ["baseline", "gc-disabled", "manual-collect"],
            SelectedScenario = 2,
            LookFor = ("manual-collect", "An induced gen-2 GC marker between the second and third bracket."),
            Output = timeline.RecentOutput(10),
            Panel = panel ?? new LookForPanel(),
            Sources = Sources(),
            Glyphs = ChartGlyphs.Ascii,
            Help = help,
        };
    }

    [Fact]
    public void At_80x24_the_whole_dashboard_fits_line_by_line_with_ten_graph_rows_and_a_legend()
    {
        var screen = DashboardRenderer.Render(Frame(), 80, 24).ToString();

        Assert.Equal(
            """
             TuiProf  manual-collect  pid 42 running                                LIVE 5s
             RSS 80.0 MB  heap 1.0 MB  GCs 0/0/1 (1 ind)  in GC 0.0%
            GC                                                2
            80 MB|                                            |                     ********
                 |                                            |      ****************
                 |                                 *******************
                 |                  ****************          |
            40 MB|   ****************                         |
                 |****                                        |
                 |ooooooooooooooooooooooooooooooooooooooooooooo
                 |                                            o
                 |                                            o
             0 MB|                                            oooooooooooooooooooooooooooooo
                 ++-------------+--------------+--------------+--------------+-------------+
                  0s            1s             2s             3s             4s
                                [-RandomNumbe~-]
                  -- RandomNumberAverage x1
             ** RSS  oo GC heap = live after last GC + allocated since  : gen 2  | induced
            - Scenarios ----------- What to look for: manual-collect [tab] -----------------
             1 baseline           | An induced gen-2 GC marker between the second and third
             2 gc-disabled        | bracket.
            >3 manual-collect     |
             > Averages: 49.5
             1-9 scenario  g GC  r restart  space pause  <-/-> scroll  h help  q quit

            """.Replace("\r", ""), screen);
    }

    [Fact]
    public void At_200x50_a_gc_column_sits_beside_the_panel_and_lists_the_induced_gc()
    {
        var screen = DashboardRenderer.Render(Frame(new CallsPanel()), 200, 50);
        var text = screen.ToString();

        Assert.Contains("Recent calls [tab]", text);
        Assert.Contains("Recent GCs", text);
        Assert.Contains("   1.0s RandomNumberAverage   1.00s   48.0 MB  +24.0 MB", text);
        Assert.Matches(@"4   2  Induced\s+1.50ms\s+40.5 MB -> 0.4 MB", text);
        Assert.Equal(50, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Help_lists_every_key_of_the_key_table_over_the_screen_at_80x24()
    {
        var text = DashboardRenderer.Render(Frame(help: true), 80, 24).ToString();

        foreach (var (keys, help) in KeyTable.Dashboard.HelpLines)
            Assert.Contains($" {keys,-10} {help.Split(' ')[0]}", text);
        Assert.Contains("any key closes this help", text);
    }

    [Fact]
    public void The_picker_lists_processes_over_the_screen_with_the_selected_one_marked()
    {
        var picker = new ProcessPicker(
            [new(101, "dotnet", "dotnet app.dll --port 80"), new(202, "worker", "/srv/worker")], Selected: 1);

        var lines = DashboardRenderer.Render(Frame() with { Picker = picker }, 80, 24).ToString().Split('\n');

        var title = Array.FindIndex(lines, l => l.Contains("Attach to a .NET process"));
        Assert.True(title > 0, string.Join("\n", lines));
        Assert.StartsWith("|      101  dotnet           dotnet app.dll --port 80", lines[title + 1].Trim());
        Assert.StartsWith("|>     202  worker           /srv/worker", lines[title + 2].Trim());
        Assert.StartsWith("+---", lines[title + 3][1..]); // the box, over the panel line behind it
    }

    [Fact]
    public void The_allocations_panel_lists_the_sessions_top_types_then_the_last_calls()
    {
        var frame = Frame(new AllocationsPanel()) with
        {
            Sources = Sources(new AllocationSample(0.5, "System.Int64[]", 56_000_024), new AllocationSample(0.5, "System.String", 316_136),
                new AllocationSample(1.5, "System.Int64[]", 40_000_024)),
        };

        var lines = DashboardRenderer.Render(frame, 100, 30).ToString().Split('\n').Select(l => l.Length > 23 ? l[23..].TrimEnd() : "").ToList();

        var title = lines.FindIndex(l => l.StartsWith(" Allocations by type (sampled every ~100 KB)"));
        Assert.True(title >= 0, string.Join('\n', lines));
        Assert.Equal(
        [
            "whole session",
            "   96.0 MB  System.Int64[]",
            "    0.3 MB  System.String",
            "last call: RandomNumberAverage at 1.0s",
            "   40.0 MB  System.Int64[]",
        ], lines.Skip(title + 1).Take(5).Select(l => l[1..])); // a space from the panel's edge
    }

    [Fact]
    public void The_call_sites_begin_the_second_page_of_the_allocations_panel_with_their_title()
    {
        // Two types end the first page early: the sites' title used to end it, and the top site to begin the next.
        var frame = Frame(new AllocationsPanel()) with
        {
            Sources = Sources([.. Sampled("TuiProf.Scenarios.Experiment.RandomNumberAverage", "System.Int64[]", 32_000_016, 32_000_016, 32_000_016),
                .. Sampled("System.String.Ctor", "System.String", 105_378, 105_379, 105_379)]),
        };

        var first = DashboardRenderer.Render(frame, 120, 30).ToString();
        var second = DashboardRenderer.Render(frame with { PanelScroll = 1 }, 120, 30).ToString();

        Assert.Contains("[PgDn/PgUp 1/2]", first);
        Assert.DoesNotContain("call sites", first);
        // At 80 columns the title's aside gives way to the page it is on.
        Assert.Contains(" Allocations by type [tab] [PgDn/PgUp 2/", DashboardRenderer.Render(frame with { PanelScroll = 1 }, 80, 24).ToString());
        Assert.Contains("[PgDn/PgUp 2/2]", second);
        var lines = second.Split('\n');
        var title = Array.FindIndex(lines, l => l.Contains("Allocations by type"));
        Assert.Contains("call sites in view (type <- method)", lines[title + 1]);
        Assert.Contains("System.Int64[] <- TuiProf.Scenarios.Experiment.RandomNumberAverage", lines[title + 3]);
    }

    /// <summary>Allocations of one type at one call site, a sample each, as the stacks and the ticks record them.</summary>
    private static IEnumerable<TimelineEvent> Sampled(string site, string type, params long[] bytes) =>
        bytes.Select((b, i) => new AllocationSite(0.5 + i * 0.01, type, b, [site]))
            .Concat<TimelineEvent>(bytes.Select((b, i) => new AllocationSample(0.5 + i * 0.01, type, b)));

    [Fact]
    public void The_processes_panel_lists_the_tree_marks_the_shown_one_and_mutes_what_is_only_listed()
    {
        var frame = Frame(new ProcessesPanel()) with { Sources = DotnetRunTree.In(Sources()) };

        var grid = DashboardRenderer.Render(frame, 100, 30);
        var text = grid.ToString();

        Assert.Contains(" Processes ([ ] shows another) [tab] ", text);
        Assert.Contains("      100      90  dotnet           running, profiled", text);
        Assert.Contains("      120     100  csc              exited, listed only", text);
        Assert.Contains(" >    130     100  App              running, profiled", text);
    }

    [Fact]
    public void The_counters_panel_lists_every_counter_by_name_with_its_unit()
    {
        var frame = Frame(new CountersPanel()) with
        {
            Stats = Frame().Stats with
            {
                Counters = new Dictionary<string, CounterReading>
                {
                    ["alloc-rate"] = new(1, new CounterId("System.Runtime", "alloc-rate", "Allocation Rate", "B", IsRate: true), 195_976_304),
                    ["time-in-gc"] = new(1, new CounterId("System.Runtime", "time-in-gc", "% Time in GC", "%"), 2),
                    ["TuiProf.Scenarios/objects-allocated"] = new(1, new CounterId("TuiProf.Scenarios", "objects-allocated"), 62_776_072.87),
                },
            },
        };

        var text = DashboardRenderer.Render(frame, 100, 30).ToString();

        Assert.Contains(" Counters (latest) [tab] ", text);
        Assert.Contains("     196.0 MB/s  alloc-rate", text);
        Assert.Contains("          2.0 %  time-in-gc", text);
        Assert.Contains("  62,776,072.87  TuiProf.Scenarios/objects-allocated", text); // a program's own: no unit known
    }

    [Fact]
    public void A_long_status_is_cut_before_the_mode_with_a_space_between()
    {
        var frame = Frame() with { Status = "failed: process 27512 has no .NET diagnostics endpoint after 5 s (not a .NET program?)" };

        var header = DashboardRenderer.Render(frame, 80, 24).ToString().Split('\n')[0];

        Assert.EndsWith(" LIVE 5s", header);
    }

    [Theory]
    [InlineData(0.5, true, " LIVE 0.5s")]
    [InlineData(600, true, " LIVE 10m")]
    [InlineData(86_400, false, " PAUSED at 86400.0s, 24h")]
    public void The_zoom_reads_as_the_time_axis_does_from_half_a_second_to_a_day(double span, bool live, string mode)
    {
        var frame = Frame() with { Live = live, Window = new TimelineWindow(86_400 - span, 86_400, [], [], [], []) };

        Assert.EndsWith(mode, DashboardRenderer.Render(frame, 80, 24).ToString().Split('\n')[0]);
    }

    [Fact]
    public void An_empty_picker_says_no_process_is_there()
    {
        var text = DashboardRenderer.Render(Frame() with { Picker = new ProcessPicker([]) }, 80, 24).ToString();

        Assert.Contains("no other .NET process of yours is running", text);
    }

    [Theory]
    [InlineData(20, 5)]
    [InlineData(39, 30)]
    public void A_terminal_too_small_gets_a_message_not_a_crash(int width, int height)
    {
        var screen = DashboardRenderer.Render(Frame(), width, height);

        Assert.StartsWith("TuiProf: need 40x12", screen.Line(0) + new string(' ', 20));
    }

    [Theory]
    [InlineData(60, 15)]
    [InlineData(80, 18)]
    [InlineData(120, 20)]
    public void On_a_short_screen_the_panels_give_way_and_the_graph_keeps_its_rows(int width, int height)
    {
        var lines = DashboardRenderer.Render(Frame(), width, height).ToString().Split('\n');

        Assert.DoesNotContain(lines, l => l.Contains("(too small)"));
        Assert.DoesNotContain(lines, l => l.Contains("Scenarios"));
        var plotRows = lines.Count(l => l.Length > 5 && l[5] is '|');
        Assert.True(plotRows >= height - 11, $"{plotRows} graph rows at {width}x{height}:\n{string.Join('\n', lines)}");
        Assert.Contains(lines, l => l.Contains("** RSS  oo GC heap"));
    }

    [Fact]
    public void A_question_is_a_box_that_says_how_to_answer_it()
    {
        var text = DashboardRenderer.Render(Frame() with { Question = "Quit and end dotnet app.dll (pid 42)?" }, 80, 24).ToString();

        Assert.Contains("| Quit and end dotnet app.dll (pid 42)?", text);
        Assert.Contains("| y: yes    any other key: no", text);
    }

    [Fact]
    public void A_long_message_wraps_onto_a_second_row_instead_of_losing_its_end()
    {
        const string message = "forced GC #9: heap 32.5 -> 0.4 MB, gen 2 Induced, pause 0.6 ms, on screen 78 ms after g";

        var lines = DashboardRenderer.Render(Frame() with { Message = message }, 60, 24).ToString().Split('\n');

        Assert.Equal(" forced GC #9: heap 32.5 -> 0.4 MB, gen 2 Induced, pause", lines[21]);
        Assert.Equal(" 0.6 ms, on screen 78 ms after g", lines[22]);
    }

    [Fact]
    public void A_text_longer_than_its_panel_scrolls_by_pages_and_says_where_it_is()
    {
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var frame = Frame() with { LookFor = ("manual-collect", text) };

        var first = DashboardRenderer.Render(frame, 80, 24).ToString();
        var second = DashboardRenderer.Render(frame with { PanelScroll = 1 }, 80, 24).ToString();

        Assert.Contains("[PgDn/PgUp 1/", first);
        Assert.Contains("word1 ", first);
        Assert.DoesNotContain("word1 ", second);
        Assert.Contains("[PgDn/PgUp 2/", second);
    }

    [Fact]
    public void A_panel_title_too_long_for_its_row_cuts_the_name_with_a_mark_and_keeps_the_page()
    {
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var frame = Frame() with { LookFor = ("cycle-gc-disabled-with-a-long-name", text) };

        var title = DashboardRenderer.Render(frame, 80, 24).ToString().Split('\n').Single(l => l.Contains("What to look for"));

        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(title, @"What to look for: cycle-gc-[^ ]*~ \[tab\] \[PgDn/PgUp 1/\d+\]"), title); // once "[PgDn/PgUp 1/-"
    }

    [Fact]
    public void The_footer_is_the_key_tables_hints_ending_with_help_and_quit()
    {
        Assert.Equal(" 1-9 scenario  g GC  r restart  space pause  <-/-> scroll  h help  q quit", KeyHints.Line(80));
        Assert.Equal(" 1-9 scenario  h help  q quit", KeyHints.Line(34));
    }

    [Fact]
    public void At_80x24_the_calls_table_keeps_its_units()
    {
        var lines = DashboardRenderer.Render(Frame(new CallsPanel()), 80, 24).ToString().Split('\n');

        Assert.Contains(lines, l => l.EndsWith("     at call                   time  peak RSS  heap +/-"));
        Assert.Contains(lines, l => l.EndsWith("   1.0s RandomNumberAverage   1.00s   48.0 MB  +24.0 MB"));
    }
}
