using System.Text.RegularExpressions;

namespace TuiProf.Tests.Tui;

/// <summary>The heap key on the live screen: snapshots of the shown process, the growth between two, and who holds it.</summary>
public partial class HeapScreenTests
{
    [Fact(Timeout = 60_000)]
    public async Task Two_snapshots_of_leak_show_its_buffers_growing_and_the_static_event_that_holds_them()
    {
        await using var tui = await TmuxScreen.StartAsync(120, 40, [], ["run", "leak"]);
        await tui.WaitForRunningTargetAsync();
        await tui.TabToPanelAsync("Heap (s: snapshot, l: leak suspects)");

        await tui.SendKeysAsync("s");
        await tui.WaitForAsync(s => s.Contains("heap snapshot: ") && s.Contains("objects, its GC paused the target"), "the first snapshot's line");
        // leak keeps a 2 MB buffer every 100 ms: wait for a few, then the second snapshot sees them.
        await tui.WaitForAsync(s => s.Contains("HandleRequest") , "requests on the timeline");
        await tui.SendKeysAsync("s");
        // A capture taken while the frame is still being drawn can show the panel's header without its rows: wait for a row.
        var screen = await tui.WaitForAsync(s => TopGrower(s) is { } row && GrowthRow().IsMatch(row), "the growth between the two snapshots");

        var top = TopGrower(screen)!;
        Assert.Contains("System.Byte[]", top);
        Assert.Contains("2.0 MB", top); // each
        // Right under it, the path from a root that keeps them: the static event, then the closure with the buffer.
        Assert.Contains(" via ", screen);
        Assert.Contains("ConfigurationChanged", screen);
    }

    /// <summary>The first type row under the diff's header, if the panel shows a diff.</summary>
    private static string? TopGrower(string screen) =>
        screen.Split('\n').SkipWhile(l => !l.Contains("grew over")).Skip(2).FirstOrDefault();

    /// <summary>A type's growth: objects gained, bytes gained.</summary>
    [GeneratedRegex(@"[+-][\d,]+\s+[+-][\d.]+ [KMG]?B")]
    private static partial Regex GrowthRow();
}
